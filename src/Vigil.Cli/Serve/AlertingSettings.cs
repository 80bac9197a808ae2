using Vigil.Monitoring.Delivery;

namespace Vigil.Cli.Serve;

/// <summary>Where alerts go (<c>alerting:</c> in the configuration file).</summary>
internal sealed class AlertingSettings
{
    public List<AlertChannelOptions> Channels { get; set; } = [];

    public DeliveryOptions Delivery { get; set; } = new();
}

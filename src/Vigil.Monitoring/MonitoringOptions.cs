using Vigil.Monitoring.Live;
using Vigil.Storage.Events;

namespace Vigil.Monitoring;

/// <summary>How the monitoring pipeline runs.</summary>
public sealed class MonitoringOptions
{
    /// <summary>Hand-overs (messages, requests) the ingest queue holds before senders are slowed. Default 65,536.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>Alerting from live detection.</summary>
    public LiveDetectionOptions Detection { get; set; } = new();

    /// <summary>What to keep; default 90 days and 50 million events.</summary>
    public RetentionPolicy Retention { get; set; } = new(TimeSpan.FromDays(90), 50_000_000);

    /// <summary>How often retention runs. Default hourly.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);
}

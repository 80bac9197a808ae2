using System.Net;

namespace Vigil.Ingestion.Listeners;

/// <summary>Settings of a <see cref="SyslogUdpListener"/>.</summary>
/// <remarks>Validated when the listener is created; a bad value throws <see cref="ArgumentException"/>.</remarks>
public sealed class SyslogUdpListenerOptions
{
    /// <summary>The default UDP port (unprivileged; 514 needs root).</summary>
    public const int DefaultPort = 5514;

    /// <summary>Name used in <see cref="ReceivedMessage.Listener"/> and statistics.</summary>
    public string Name { get; set; } = "syslog-udp";

    /// <summary>
    /// Address to listen on. Loopback by default: UDP syslog has no authentication and spoofable source addresses, so
    /// exposing it to the network must be a deliberate choice.
    /// </summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Port to listen on; 0 picks a free port (read it back from <see cref="SyslogUdpListener.Port"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Largest datagram accepted, in bytes; larger ones are counted as oversized. UDP itself stops at 65,507.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>Messages held while the sink is busy; when full, new datagrams are dropped and counted.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1);
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Ingestion.Listeners;

/// <summary>Settings of a <see cref="SyslogTcpListener"/>.</summary>
/// <remarks>Validated when the listener is created; a bad value throws <see cref="ArgumentException"/>.</remarks>
public sealed class SyslogTcpListenerOptions
{
    /// <summary>The default plain TCP port (unprivileged; 514 needs root).</summary>
    public const int DefaultPort = 5514;

    /// <summary>The RFC 5425 port for syslog over TLS.</summary>
    public const int DefaultTlsPort = 6514;

    /// <summary>Name used in <see cref="ReceivedMessage.Listener"/> and statistics.</summary>
    public string Name { get; set; } = "syslog-tcp";

    /// <summary>
    /// Address to listen on. Loopback by default: binding to all interfaces exposes an unauthenticated log intake to
    /// the network (anyone reachable can inject events), so it must be a deliberate choice.
    /// </summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Port to listen on; 0 picks a free port (read it back from <see cref="SyslogTcpListener.Port"/>).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Largest message accepted, in bytes, without framing; larger ones are skipped and counted.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>Most connections open at once; more are closed at once and counted. Bounds memory (one buffer each).</summary>
    public int MaxConnections { get; set; } = 256;

    /// <summary>
    /// Server certificate (with private key) for RFC 5425 TLS; null means plain TCP. Only TLS 1.2 and 1.3 are
    /// offered. Client certificates are not requested: TLS here gives confidentiality, not sender authentication.
    /// </summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>How long a client has to finish the TLS handshake.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxMessageSize, 64 * 1024 * 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HandshakeTimeout, TimeSpan.Zero);
        if (Certificate is { HasPrivateKey: false })
        {
            throw new ArgumentException("The TLS certificate has no private key.", nameof(Certificate));
        }
    }
}

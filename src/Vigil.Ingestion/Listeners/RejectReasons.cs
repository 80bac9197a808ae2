namespace Vigil.Ingestion.Listeners;

/// <summary>The stable reasons listeners count rejected input under (keys of <see cref="ListenerStatistics.Rejected"/>).</summary>
public static class RejectReasons
{
    /// <summary>A message or line longer than the configured maximum; it is skipped, the connection or file goes on.</summary>
    public const string Oversized = "oversized";

    /// <summary>A TCP connection ended in the middle of an octet-counted frame.</summary>
    public const string Truncated = "truncated";

    /// <summary>A UDP datagram with nothing in it but framing characters.</summary>
    public const string Empty = "empty";

    /// <summary>A connection refused because the listener already had its maximum number of connections.</summary>
    public const string ConnectionLimit = "connection-limit";

    /// <summary>A TLS connection whose handshake failed or timed out.</summary>
    public const string TlsHandshake = "tls-handshake";
}

namespace Vigil.Ingestion.Sources;

/// <summary>How syslog messages are delimited on a stream connection (RFC 6587).</summary>
public enum SyslogFraming
{
    /// <summary>Not known yet: no byte has arrived.</summary>
    Unknown,

    /// <summary><c>LEN SP MSG</c>: each message is preceded by its length in bytes (RFC 6587 section 3.4.1).</summary>
    OctetCounting,

    /// <summary>Each message ends with LF (CRLF and NUL tolerated) (RFC 6587 section 3.4.2).</summary>
    NonTransparent,
}

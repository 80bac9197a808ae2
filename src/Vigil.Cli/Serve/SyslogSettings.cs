namespace Vigil.Cli.Serve;

/// <summary>The syslog listeners; an empty address turns one off.</summary>
internal sealed class SyslogSettings
{
    /// <summary>UDP address, default loopback port 5514 (514 needs root; point senders at 5514 or forward it).</summary>
    public string Udp { get; set; } = "127.0.0.1:5514";

    /// <summary>TCP address (RFC 6587 framing), default loopback port 5514.</summary>
    public string Tcp { get; set; } = "127.0.0.1:5514";

    /// <summary>TLS address (RFC 5425), off unless a certificate is configured; 6514 is its registered port.</summary>
    public string Tls { get; set; } = "127.0.0.1:6514";

    /// <summary>PKCS#12 or PEM certificate with its private key for TLS.</summary>
    public string? Certificate { get; set; }

    /// <summary>The certificate's password (set it through the environment, not in the file).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Largest message accepted; longer ones are rejected and counted. Default 64 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;
}

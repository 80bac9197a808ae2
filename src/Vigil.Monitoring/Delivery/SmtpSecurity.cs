namespace Vigil.Monitoring.Delivery;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>
    /// STARTTLS is required: the connection fails if the server does not offer it or the certificate is not trusted.
    /// The default.
    /// </summary>
    StartTls = 0,

    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    SslOnConnect = 1,

    /// <summary>
    /// Plain text, even if the server offers STARTTLS. Risk: anyone on the path can read the alert (rule, level, group
    /// key, times) and change or suppress it; credentials are therefore refused with this setting. Use only to a
    /// relay on the same host or a trusted segment.
    /// </summary>
    None = 2,
}

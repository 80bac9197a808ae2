using System.Net.Mail;

namespace Vigil.Monitoring.Delivery;

/// <summary>Settings of an email channel (configuration section <c>smtp</c> of a channel).</summary>
public sealed class SmtpChannelOptions
{
    /// <summary>The SMTP server's host name or address.</summary>
    public string Host { get; set; } = "";

    /// <summary>The SMTP server's port; 587 (submission with STARTTLS) by default.</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is protected; STARTTLS required by default. See <see cref="SmtpSecurity.None"/> for its risk.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>User name to authenticate with, or null to send without authenticating.</summary>
    public string? Username { get; set; }

    /// <summary>Password; take it from an environment variable or a secret store, not a file in a repository. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "";

    /// <summary>The recipients' addresses.</summary>
    public IList<string> To { get; set; } = [];

    /// <summary>Put before every subject, so mail rules can file alerts.</summary>
    public string SubjectPrefix { get; set; } = "[Vigil]";

    /// <summary>When set, the email links to <c>{LinkBaseUrl}/alerts/{id}</c>.</summary>
    public string? LinkBaseUrl { get; set; }

    /// <summary>
    /// Whether the email shows the alert's group key (the rule's group-by values, usually a user, host or address).
    /// Turn it off when a rule groups by a field that could identify a patient.
    /// </summary>
    public bool IncludeGroupKey { get; set; } = true;

    /// <summary>Seconds allowed for connecting, and for each SMTP command.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Problems with these settings, each naming the field under <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            errors.Add($"{path}.host: required");
        }

        if (Port is < 1 or > 65535)
        {
            errors.Add($"{path}.port: must be between 1 and 65535");
        }

        if (!Enum.IsDefined(Security))
        {
            errors.Add($"{path}.security: must be StartTls, SslOnConnect or None");
        }

        if (Username is not null && Security == SmtpSecurity.None)
        {
            errors.Add($"{path}.username: credentials are refused over an unencrypted connection (security None); use StartTls or SslOnConnect");
        }

        if (Username is not null && string.IsNullOrEmpty(Password))
        {
            errors.Add($"{path}.password: required when a username is set");
        }

        if (!IsAddress(From))
        {
            errors.Add($"{path}.from: must be an email address");
        }

        if (To.Count == 0)
        {
            errors.Add($"{path}.to: at least one recipient is required");
        }

        for (var i = 0; i < To.Count; i++)
        {
            if (!IsAddress(To[i]))
            {
                errors.Add($"{path}.to[{i}]: must be an email address");
            }
        }

        if (LinkBaseUrl is not null && !IsHttpUrl(LinkBaseUrl))
        {
            errors.Add($"{path}.linkBaseUrl: must be an absolute http or https URL");
        }

        if (TimeoutSeconds is < 1 or > 600)
        {
            errors.Add($"{path}.timeoutSeconds: must be between 1 and 600");
        }

        return errors;
    }

    private static bool IsAddress(string value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out _);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

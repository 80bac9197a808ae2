namespace Vigil.Monitoring.Delivery;

/// <summary>Settings of a webhook channel (configuration section <c>webhook</c> of a channel).</summary>
public sealed class WebhookChannelOptions
{
    /// <summary>Shortest secret accepted, in characters.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>Where alerts are POSTed.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The shared secret the body is signed with (HMAC-SHA256); at least <see cref="MinimumSecretLength"/> characters,
    /// 32 random bytes recommended. Take it from an environment variable or a secret store. Never logged.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Seconds allowed for one request, from connecting to the end of the answer's headers.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Allows a plain <c>http</c> URL to a host other than loopback. Risk: the alert, including its details (which
    /// can hold matched field values), crosses the network in clear text; the signature stops tampering but not reading.
    /// </summary>
    public bool AllowPlainHttp { get; set; }

    /// <summary>Problems with these settings, each naming the field under <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{path}.url: must be an absolute http or https URL");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !AllowPlainHttp && !uri.IsLoopback)
        {
            errors.Add($"{path}.url: plain http to a host other than loopback needs allowPlainHttp: true (alerts would cross the network unencrypted)");
        }

        if (string.IsNullOrEmpty(Secret) || Secret.Length < MinimumSecretLength)
        {
            errors.Add($"{path}.secret: required, at least {MinimumSecretLength} characters");
        }

        if (TimeoutSeconds is < 1 or > 300)
        {
            errors.Add($"{path}.timeoutSeconds: must be between 1 and 300");
        }

        return errors;
    }
}

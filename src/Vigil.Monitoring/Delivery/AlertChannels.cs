namespace Vigil.Monitoring.Delivery;

/// <summary>Validates channel configuration and builds the channels.</summary>
public static class AlertChannels
{
    /// <summary>Problems with the channel list, each naming the field (<c>alerting.channels[i].…</c>); empty when valid.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<AlertChannelOptions> channels, string path = "alerting.channels")
    {
        ArgumentNullException.ThrowIfNull(channels);
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var channel in channels)
        {
            var itemPath = $"{path}[{i}]";
            if (channel is null)
            {
                errors.Add($"{itemPath}: empty");
            }
            else
            {
                errors.AddRange(channel.Validate(itemPath));
                if (!string.IsNullOrWhiteSpace(channel.Name) && !names.Add(channel.Name))
                {
                    errors.Add($"{itemPath}.name: '{channel.Name}' is used by another channel");
                }
            }

            i++;
        }

        return errors;
    }

    /// <summary>Builds one channel per item; throws <see cref="ArgumentException"/> listing every problem if any is invalid.</summary>
    /// <param name="channels">The configured channels (validate them at start-up first with <see cref="Validate"/>).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="http">
    /// The client webhooks send with, or null for one created here that does not follow redirects. A client passed in
    /// is not disposed.
    /// </param>
    public static IReadOnlyList<IAlertChannel> Create(
        IEnumerable<AlertChannelOptions> channels, TimeProvider timeProvider, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var list = channels.ToList();
        var errors = Validate(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid alert channels: " + string.Join("; ", errors), nameof(channels));
        }

        HttpClient? client = http;
        var result = new List<IAlertChannel>(list.Count);
        foreach (var channel in list)
        {
            if (channel.Type == "smtp")
            {
                result.Add(new SmtpAlertChannel(channel.Name, channel.Smtp!));
            }
            else
            {
                client ??= CreateHttpClient();
                result.Add(new WebhookAlertChannel(channel.Name, channel.Webhook!, client, timeProvider));
            }
        }

        return result;
    }

    // Redirects are refused: a signed alert must not be forwarded to wherever a compromised receiver points. Each
    // channel enforces its own timeout, so the client's is off.
    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}

namespace Vigil.Monitoring.Delivery;

/// <summary>One configured alert channel (an item of <c>alerting.channels</c>).</summary>
public sealed class AlertChannelOptions
{
    /// <summary>The channel's name, as queued in the outbox; letters, digits, '-', '_' and '.'.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>smtp</c> or <c>webhook</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>Settings when <see cref="Type"/> is <c>smtp</c>.</summary>
    public SmtpChannelOptions? Smtp { get; set; }

    /// <summary>Settings when <see cref="Type"/> is <c>webhook</c>.</summary>
    public WebhookChannelOptions? Webhook { get; set; }

    /// <summary>Problems with this channel, each naming the field under <paramref name="path"/>; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string path)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 64 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{path}.name: required, up to 64 letters, digits, '-', '_' or '.'");
        }

        switch (Type)
        {
            case "smtp":
                if (Smtp is null)
                {
                    errors.Add($"{path}.smtp: required for type smtp");
                }
                else
                {
                    errors.AddRange(Smtp.Validate($"{path}.smtp"));
                }

                break;
            case "webhook":
                if (Webhook is null)
                {
                    errors.Add($"{path}.webhook: required for type webhook");
                }
                else
                {
                    errors.AddRange(Webhook.Validate($"{path}.webhook"));
                }

                break;
            default:
                errors.Add($"{path}.type: must be smtp or webhook");
                break;
        }

        return errors;
    }
}

using System.Globalization;
using System.Text;
using MimeKit;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Delivery;

/// <summary>Builds the email for an alert.</summary>
/// <remarks>
/// The email carries the alert's metadata only: rule, level, group key, times, count, id and a link. It never carries
/// <see cref="Alert.Details"/>, event ids or any event's content: those may hold patient data, and email leaves the
/// building (relays, mailboxes, phones, backups). The reader follows the link to see the events inside Vigil.
/// </remarks>
internal static class AlertEmail
{
    private const int MaxFieldLength = 200;

    public static MimeMessage Build(Alert alert, SmtpChannelOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = Subject(alert, options);
        message.Body = new TextPart("plain") { Text = Body(alert, options) };
        return message;
    }

    public static string Subject(Alert alert, SmtpChannelOptions options)
    {
        var prefix = string.IsNullOrWhiteSpace(options.SubjectPrefix) ? "" : Clean(options.SubjectPrefix) + " ";
        return $"{prefix}{Clean(alert.Level)}: {Clean(alert.RuleTitle)} (alert {alert.Id.ToString(CultureInfo.InvariantCulture)})";
    }

    public static string Body(Alert alert, SmtpChannelOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine("Vigil raised an alert.");
        text.AppendLine();
        Line(text, "Rule", $"{Clean(alert.RuleTitle)} ({Clean(alert.RuleId)})");
        Line(text, "Level", Clean(alert.Level));
        if (options.IncludeGroupKey)
        {
            Line(text, "Group key", alert.GroupKey.Length == 0 ? "(none)" : Clean(alert.GroupKey));
        }

        Line(text, "First seen", alert.FirstSeen.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Last seen", alert.LastSeen.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Count", alert.Count.ToString(CultureInfo.InvariantCulture));
        Line(text, "Alert id", alert.Id.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(options.LinkBaseUrl))
        {
            Line(text, "Link", $"{options.LinkBaseUrl.TrimEnd('/')}/alerts/{alert.Id.ToString(CultureInfo.InvariantCulture)}");
        }

        text.AppendLine();
        text.AppendLine("This email never contains the events' content. Open the alert in Vigil to see them.");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label).Append(':').Append(' ', 11 - label.Length).AppendLine(value);

    // Rule titles and group keys come from rule files and event fields: no line breaks (header injection, forged
    // body lines) and bounded length.
    private static string Clean(string value)
    {
        var clean = new StringBuilder(Math.Min(value.Length, MaxFieldLength));
        foreach (var c in value)
        {
            if (clean.Length == MaxFieldLength)
            {
                clean.Append('…');
                break;
            }

            clean.Append(char.IsControl(c) ? ' ' : c);
        }

        return clean.ToString();
    }
}

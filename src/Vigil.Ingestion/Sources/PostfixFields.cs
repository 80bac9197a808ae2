using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>Fields of Postfix log messages: queue id, client, SASL login and failure, sender, recipient, delivery.</summary>
internal static class PostfixFields
{
    private static readonly int Process = FieldNames.Intern("postfix.process");
    private static readonly int QueueId = FieldNames.Intern("postfix.queue_id");
    private static readonly int ClientHost = FieldNames.Intern("postfix.client_host");
    private static readonly int ClientIp = FieldNames.Intern("postfix.client_ip");
    private static readonly int SaslMethod = FieldNames.Intern("postfix.sasl_method");
    private static readonly int SaslUsername = FieldNames.Intern("postfix.sasl_username");
    private static readonly int From = FieldNames.Intern("postfix.from");
    private static readonly int To = FieldNames.Intern("postfix.to");
    private static readonly int Status = FieldNames.Intern("postfix.status");
    private static readonly int Relay = FieldNames.Intern("postfix.relay");
    private static readonly int Nrcpt = FieldNames.Intern("postfix.nrcpt");
    private static readonly int Action = FieldNames.Intern("postfix.action");

    public static void Add(LogEvent logEvent, ReadOnlySpan<char> appName, string message)
    {
        var slash = appName.IndexOf('/');
        if (slash > 0)
        {
            logEvent.Add(Process, TokenCache.Get(appName[(slash + 1)..]));
        }

        var text = message.AsSpan();
        var colon = text.IndexOf(": ");
        if (colon > 0 && IsQueueId(text[..colon]))
        {
            logEvent.Add(QueueId, text[..colon].ToString());
        }

        string? host = null, ip = null;
        var authFailed = text.Contains(" authentication failed", StringComparison.Ordinal) && text.Contains("SASL ", StringComparison.Ordinal);
        if (authFailed)
        {
            // "warning: host[ip]: SASL LOGIN authentication failed: reason[, sasl_username=user]"
            logEvent.Add(Action, "sasl-auth-failed");
            var sasl = text.IndexOf("SASL ", StringComparison.Ordinal);
            var before = text[..sasl].TrimEnd(": ");
            var start = before.LastIndexOf(' ') + 1;
            if (MailLogFields.TrySplitHost(before[start..], out var h, out var i))
            {
                (host, ip) = (h, i);
            }

            var method = text[(sasl + 5)..];
            var space = method.IndexOf(' ');
            logEvent.Add(SaslMethod, TokenCache.Get(space < 0 ? method : method[..space]));
        }
        else if (text.Contains("reject: ", StringComparison.Ordinal))
        {
            logEvent.Add(Action, "reject");
        }

        var fromHost = text.IndexOf(" from ", StringComparison.Ordinal);
        if (host is null && fromHost >= 0)
        {
            var token = text[(fromHost + 6)..];
            var end = token.IndexOf(' ');
            if (MailLogFields.TrySplitHost((end < 0 ? token : token[..end]).TrimEnd(':'), out var h, out var i))
            {
                (host, ip) = (h, i);
            }
        }

        if (MailLogFields.Value(text, "client") is { } client && MailLogFields.TrySplitHost(client, out var ch, out var ci))
        {
            (host, ip) = (ch, ci);
        }

        AddIf(logEvent, ClientHost, host);
        AddIf(logEvent, ClientIp, ip);
        var saslMethod = MailLogFields.Token(text, "sasl_method");
        var user = MailLogFields.Value(text, "sasl_username");
        AddIf(logEvent, SaslMethod, saslMethod);
        AddIf(logEvent, SaslUsername, user);
        AddIf(logEvent, From, MailLogFields.Value(text, "from"));
        AddIf(logEvent, To, MailLogFields.Value(text, "to"));
        AddIf(logEvent, Status, MailLogFields.Token(text, "status"));
        AddIf(logEvent, Relay, MailLogFields.Value(text, "relay"));
        AddIf(logEvent, Nrcpt, MailLogFields.Token(text, "nrcpt"));

        if (authFailed)
        {
            MailLogFields.AddAuth(logEvent, "failure", user, ip);
        }
        else if (user is not null && text.Contains("client=", StringComparison.Ordinal))
        {
            logEvent.Add(Action, "sasl-login");
            MailLogFields.AddAuth(logEvent, "success", user, ip);
        }
    }

    // Short ids are 6+ hex digits; long ids (enable_long_queue_ids) are 10+ characters of [0-9B-Zb-z] with no vowels.
    private static bool IsQueueId(ReadOnlySpan<char> text) =>
        text.Length is >= 6 and <= 20 && text is not "NOQUEUE" && !text.ContainsAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZbcdfghjklmnpqrstvwxyz");

    private static void AddIf(LogEvent logEvent, int id, string? value)
    {
        if (value is not null)
        {
            logEvent.Add(id, value);
        }
    }
}

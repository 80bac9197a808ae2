using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>Fields of Dovecot log messages: login processes (imap, pop3, submission, managesieve) and auth workers.</summary>
internal static class DovecotFields
{
    private static readonly int Service = FieldNames.Intern("dovecot.service");
    private static readonly int Action = FieldNames.Intern("dovecot.action");
    private static readonly int User = FieldNames.Intern("dovecot.user");
    private static readonly int Method = FieldNames.Intern("dovecot.method");
    private static readonly int RemoteIp = FieldNames.Intern("dovecot.rip");
    private static readonly int LocalIp = FieldNames.Intern("dovecot.lip");
    private static readonly int Session = FieldNames.Intern("dovecot.session");
    private static readonly int Attempts = FieldNames.Intern("dovecot.attempts");

    private static readonly string[] FailureMarks =
    [
        "(auth failed", "(auth_failed)", "Password mismatch", "password mismatch", "pam_authenticate() failed",
        "invalid credentials", "authentication failure",
    ];

    public static void Add(LogEvent logEvent, string message)
    {
        var text = message.AsSpan();
        if (text.StartsWith("dovecot: ", StringComparison.Ordinal))
        {
            text = text[9..];
        }

        var colon = text.IndexOf(": ");
        if (colon > 0 && !text[..colon].Contains(' '))
        {
            var service = text[..colon];
            var paren = service.IndexOf('(');
            logEvent.Add(Service, TokenCache.Get(paren > 0 ? service[..paren] : service));
        }

        var body = colon > 0 ? text[(colon + 2)..] : text;
        if (body.StartsWith("Info: ", StringComparison.Ordinal))
        {
            body = body[6..];
        }

        var action = Classify(text, body);
        if (action is not null)
        {
            logEvent.Add(Action, action);
        }

        var user = MailLogFields.Value(text, "user");
        var rip = MailLogFields.Value(text, "rip") ?? MailLogFields.Value(text, "rhost");
        if (user is null && DriverArguments(text) is ({ } driverUser, var driverIp))
        {
            user = driverUser;
            rip ??= driverIp;
        }

        AddIf(logEvent, User, user);
        AddIf(logEvent, Method, MailLogFields.Token(text, "method"));
        AddIf(logEvent, RemoteIp, rip);
        AddIf(logEvent, LocalIp, MailLogFields.Token(text, "lip"));
        AddIf(logEvent, Session, MailLogFields.Value(text, "session"));
        var failed = text.IndexOf("(auth failed, ", StringComparison.Ordinal);
        if (failed >= 0)
        {
            var count = text[(failed + 14)..];
            var end = count.IndexOf(' ');
            AddIf(logEvent, Attempts, end > 0 ? TokenCache.Get(count[..end]) : null);
        }

        if (action is "auth-failed" or "unknown-user")
        {
            MailLogFields.AddAuth(logEvent, "failure", user, rip);
        }
        else if (action is "login")
        {
            MailLogFields.AddAuth(logEvent, "success", user, rip);
        }
    }

    private static string? Classify(ReadOnlySpan<char> text, ReadOnlySpan<char> body)
    {
        if (body.StartsWith("Login: ", StringComparison.Ordinal))
        {
            return "login";
        }

        if (text.Contains("unknown user", StringComparison.Ordinal))
        {
            return "unknown-user";
        }

        foreach (var mark in FailureMarks)
        {
            if (text.Contains(mark, StringComparison.Ordinal))
            {
                return "auth-failed";
            }
        }

        return body.StartsWith("Disconnected", StringComparison.Ordinal) ? "disconnected"
            : body.StartsWith("Aborted login", StringComparison.Ordinal) || body.StartsWith("Login aborted", StringComparison.Ordinal) ? "aborted"
            : null;
    }

    // "sql(user,ip,<session>): ...", "pam(user,ip): ...", "auth(user,ip,sasl:login)<id>: ...": the first word( with a comma.
    private static (string? User, string? Ip) DriverArguments(ReadOnlySpan<char> text)
    {
        var open = text.IndexOf('(');
        while (open > 0)
        {
            var close = text[open..].IndexOf(')');
            if (close < 0)
            {
                break;
            }

            var args = text[(open + 1)..(open + close)];
            var comma = args.IndexOf(',');
            if (comma > 0 && !args.Contains(' ') && !args.Contains('='))
            {
                var rest = args[(comma + 1)..];
                var next = rest.IndexOf(',');
                return (args[..comma].ToString(), (next < 0 ? rest : rest[..next]).ToString());
            }

            var following = text[(open + close)..].IndexOf('(');
            open = following < 0 ? -1 : open + close + following;
        }

        return (null, null);
    }

    private static void AddIf(LogEvent logEvent, int id, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            logEvent.Add(id, value);
        }
    }
}

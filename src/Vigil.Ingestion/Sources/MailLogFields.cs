using Vigil.Events;

namespace Vigil.Ingestion.Sources;

/// <summary>Adds Postfix or Dovecot fields to a syslog event by its app-name, and says its source type.</summary>
/// <remarks>
/// Authentication lines of both also get the shared fields <c>auth.outcome</c> (<c>success</c> or <c>failure</c>),
/// <c>auth.user</c> and <c>auth.client_ip</c>, so that brute-force analytics read one set of names.
/// </remarks>
internal static class MailLogFields
{
    public static readonly int AuthOutcome = FieldNames.Intern("auth.outcome");
    public static readonly int AuthUser = FieldNames.Intern("auth.user");
    public static readonly int AuthClientIp = FieldNames.Intern("auth.client_ip");

    /// <summary>Adds the fields of <paramref name="message"/> and returns <c>postfix</c>, <c>dovecot</c> or <c>syslog</c>.</summary>
    public static string Add(LogEvent logEvent, ReadOnlySpan<char> appName, string message)
    {
        if (appName.StartsWith("postfix", StringComparison.Ordinal))
        {
            PostfixFields.Add(logEvent, appName, message);
            return SourceTypes.Postfix;
        }

        if (appName.StartsWith("dovecot", StringComparison.Ordinal))
        {
            DovecotFields.Add(logEvent, message);
            return SourceTypes.Dovecot;
        }

        return SourceTypes.Syslog;
    }

    /// <summary>Adds the shared authentication fields, skipping empty ones.</summary>
    public static void AddAuth(LogEvent logEvent, string outcome, string? user, string? clientIp)
    {
        logEvent.Add(AuthOutcome, outcome);
        if (!string.IsNullOrEmpty(user))
        {
            logEvent.Add(AuthUser, user);
        }

        if (!string.IsNullOrEmpty(clientIp))
        {
            logEvent.Add(AuthClientIp, clientIp);
        }
    }

    /// <summary>
    /// The value of <c>key=</c> in <paramref name="text"/> (the first occurrence starting a word): up to a matching
    /// <c>&gt;</c> when it starts with <c>&lt;</c>, else up to <c>,</c>, space or the end. Null when absent.
    /// </summary>
    public static string? Value(ReadOnlySpan<char> text, string key) => TryValue(text, key, out var value) ? value.ToString() : null;

    /// <summary>
    /// The value of <c>key=</c> as <see cref="Value"/> finds it, as a string shared between messages (see
    /// <see cref="TokenCache"/>): for keys whose values come in a few variants (a status, a method, a local address).
    /// </summary>
    public static string? Token(ReadOnlySpan<char> text, string key) => TryValue(text, key, out var value) ? TokenCache.Get(value) : null;

    private static bool TryValue(ReadOnlySpan<char> text, string key, out ReadOnlySpan<char> value)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text[from..].IndexOf(key, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var start = from + found;
            var after = start + key.Length;
            if ((start == 0 || text[start - 1] is ' ' or ',' or '(' or ';') && after < text.Length && text[after] == '=')
            {
                value = text[(after + 1)..];
                if (value.StartsWith('<'))
                {
                    var close = value.IndexOf('>');
                    value = close < 0 ? value[1..] : value[1..close];
                    return true;
                }

                var end = value.IndexOfAny(", ");
                value = end < 0 ? value : value[..end];
                return true;
            }

            from = after;
        }

        value = default;
        return false;
    }

    /// <summary>Splits <c>host[ip]</c> or <c>host[ip]:port</c>; false when <paramref name="text"/> is not that shape.</summary>
    public static bool TrySplitHost(ReadOnlySpan<char> text, out string host, out string ip)
    {
        host = ip = "";
        var open = text.IndexOf('[');
        var close = text.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            return false;
        }

        host = TokenCache.Get(text[..open]);
        ip = text[(open + 1)..close].ToString();
        return true;
    }
}

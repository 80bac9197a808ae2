using System.Text;
using Vigil.Events;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>Parses the part of an RFC 5424 message after <c>&lt;PRI&gt;1 </c>.</summary>
internal static class Rfc5424Parser
{
    /// <summary>Parses TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG].</summary>
    public static SyslogParseResult Parse(ReadOnlySpan<char> rest, DateTimeOffset receivedAt, LogEvent logEvent)
    {
        logEvent.Add(SyslogFields.Version, "1");
        if (!TryToken(ref rest, out var timestamp) || !TryToken(ref rest, out var hostname)
            || !TryToken(ref rest, out var appName) || !TryToken(ref rest, out var procId) || !TryToken(ref rest, out var msgId))
        {
            return SyslogParseResult.Failed("the RFC 5424 header ends before its structured data");
        }

        if (timestamp is "-")
        {
            logEvent.Timestamp = receivedAt.ToUniversalTime();
        }
        else if (timestamp.IndexOf('T') == 10 && EventTime.TryParseIso(timestamp, out var time))
        {
            logEvent.Timestamp = time.ToUniversalTime();
        }
        else
        {
            return SyslogParseResult.Failed("the RFC 5424 TIMESTAMP is not an RFC 3339 time");
        }

        var invalid = Check(hostname, 255, "HOSTNAME") ?? Check(appName, 48, "APP-NAME") ?? Check(procId, 128, "PROCID")
            ?? Check(msgId, 32, "MSGID");
        if (invalid is not null)
        {
            return SyslogParseResult.Failed(invalid);
        }

        // Host, app and message id repeat from message to message, the process id over a daemon's life: shared strings.
        AddUnlessNil(logEvent, SyslogFields.Hostname, hostname, processId: false);
        AddUnlessNil(logEvent, SyslogFields.AppName, appName, processId: false);
        AddUnlessNil(logEvent, SyslogFields.ProcId, procId, processId: true);
        AddUnlessNil(logEvent, SyslogFields.MsgId, msgId, processId: false);

        if (StructuredData.Parse(ref rest, logEvent) is { } sdError)
        {
            return SyslogParseResult.Failed(sdError);
        }

        if (!rest.IsEmpty)
        {
            if (rest[0] != ' ')
            {
                return SyslogParseResult.Failed("the structured data is not followed by a space before the message");
            }

            rest = rest[1..];
            if (rest.Length > 0 && rest[0] == '\uFEFF')
            {
                rest = rest[1..];
            }
        }

        return SyslogParser.Finish(logEvent, appName is "-" ? default : appName, rest.ToString());
    }

    private static bool TryToken(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            token = default;
            return false;
        }

        token = rest[..space];
        rest = rest[(space + 1)..];
        return true;
    }

    // Header fields are NILVALUE or 1 to max printable US-ASCII characters.
    private static string? Check(ReadOnlySpan<char> value, int max, string name) =>
        value.Length > max ? $"the RFC 5424 {name} is longer than {max} characters"
        : value.ContainsAnyExceptInRange('!', '~') ? $"the RFC 5424 {name} holds characters other than printable US-ASCII"
        : null;

    private static void AddUnlessNil(LogEvent logEvent, int id, ReadOnlySpan<char> value, bool processId)
    {
        if (value is not "-")
        {
            logEvent.Add(id, processId ? ProcessIds.Get(value) : TokenCache.Get(value));
        }
    }

    /// <summary>Parses STRUCTURED-DATA: <c>-</c> or one or more <c>[SD-ID *(SP PARAM-NAME="value")]</c>.</summary>
    private static class StructuredData
    {
        private const int MaxNameLength = 32;

        public static string? Parse(ref ReadOnlySpan<char> rest, LogEvent logEvent)
        {
            if (rest.StartsWith('-'))
            {
                rest = rest[1..];
                return null;
            }

            if (!rest.StartsWith('['))
            {
                return "the structured data is neither - nor [...]";
            }

            var builder = new StringBuilder();
            while (rest.StartsWith('['))
            {
                rest = rest[1..];
                if (!TryName(ref rest, out var id))
                {
                    return "an SD-ID is empty, too long or holds a forbidden character";
                }

                var prefix = "syslog.sd." + id.ToString() + ".";
                while (true)
                {
                    if (rest.IsEmpty)
                    {
                        return "the structured data ends before its closing ]";
                    }

                    if (rest[0] == ']')
                    {
                        rest = rest[1..];
                        break;
                    }

                    if (rest[0] != ' ')
                    {
                        return "an SD element holds something other than a space before a parameter";
                    }

                    rest = rest[1..];
                    if (!TryName(ref rest, out var name) || rest.Length < 2 || rest[0] != '=' || rest[1] != '"')
                    {
                        return rest.Length < 2 ? "the structured data ends before its closing ]"
                            : "an SD parameter is not NAME=\"value\"";
                    }

                    rest = rest[2..];
                    if (!TryValue(ref rest, builder))
                    {
                        return "the structured data ends inside a parameter value";
                    }

                    logEvent.Add(prefix + name.ToString(), builder.ToString());
                }
            }

            return null;
        }

        private static bool TryName(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> name)
        {
            var end = rest.IndexOfAny(" =]\"");
            if (end is <= 0 or > MaxNameLength || rest[..end].ContainsAnyExceptInRange('!', '~'))
            {
                name = default;
                return false;
            }

            name = rest[..end];
            rest = rest[end..];
            return true;
        }

        // A value ends at an unescaped '"'; \" \\ \] are escapes, any other backslash is kept as it is.
        private static bool TryValue(ref ReadOnlySpan<char> rest, StringBuilder builder)
        {
            builder.Clear();
            var i = 0;
            while (i < rest.Length)
            {
                var c = rest[i];
                if (c == '"')
                {
                    rest = rest[(i + 1)..];
                    return true;
                }

                if (c == '\\' && i + 1 < rest.Length && rest[i + 1] is '"' or '\\' or ']')
                {
                    c = rest[++i];
                }

                builder.Append(c);
                i++;
            }

            return false;
        }
    }
}

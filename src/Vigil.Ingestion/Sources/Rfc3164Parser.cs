using Vigil.Events;
using Vigil.Ingestion.Timestamps;

namespace Vigil.Ingestion.Sources;

/// <summary>Parses a BSD syslog message (RFC 3164) after its PRI, or a line of a syslog file, which has none.</summary>
/// <remarks>
/// <c>TIMESTAMP SP HOSTNAME SP TAG[PID]: MSG</c> where TIMESTAMP is <c>MMM dd HH:mm:ss</c> (day space-padded or not) or
/// an RFC 3339 time. A hostname that looks like a tag (it ends with <c>:</c> or holds <c>[</c>) is taken as the tag of
/// a message without hostname. With a PRI but no recognisable header, the whole rest is the message (RFC 3164 section
/// 4.3.3) and the time is the receipt time; without a PRI, a line with no time is not syslog.
/// </remarks>
internal static class Rfc3164Parser
{
    private const int MaxTagLength = 48;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static SyslogParseResult Parse(ReadOnlySpan<char> rest, DateTimeOffset receivedAt, LogEvent logEvent, bool hasPriority)
    {
        if (!TryTimestamp(ref rest, receivedAt, out var time, out var invalidDate))
        {
            if (invalidDate)
            {
                return SyslogParseResult.Failed("the RFC 3164 TIMESTAMP is not a valid date");
            }

            if (!hasPriority)
            {
                return SyslogParseResult.Failed("the line has neither a PRI nor a syslog time; it is not syslog");
            }

            logEvent.Timestamp = receivedAt.ToUniversalTime();
            return SyslogParser.Finish(logEvent, default, rest.ToString());
        }

        logEvent.Timestamp = time;
        var space = rest.IndexOf(' ');
        var host = space < 0 ? rest : rest[..space];
        if (host.Length > 0 && host[^1] != ':' && !host.Contains('['))
        {
            logEvent.Add(SyslogFields.Hostname, TokenCache.Get(host));
            rest = space < 0 ? default : rest[(space + 1)..];
        }

        ReadOnlySpan<char> appName = default;
        if (TryTag(rest, out var tag, out var pid, out var consumed))
        {
            appName = tag;
            logEvent.Add(SyslogFields.AppName, TokenCache.Get(tag));
            if (!pid.IsEmpty)
            {
                logEvent.Add(SyslogFields.ProcId, ProcessIds.Get(pid));
            }

            rest = rest[consumed..];
        }

        return SyslogParser.Finish(logEvent, appName, rest.ToString());
    }

    // "tag: ", "tag[pid]: " or "tag[pid] " (some daemons omit the colon); tag characters are printable, no ':' '[' ' '.
    private static bool TryTag(ReadOnlySpan<char> rest, out ReadOnlySpan<char> tag, out ReadOnlySpan<char> pid, out int consumed)
    {
        tag = pid = default;
        consumed = 0;
        var end = rest[..Math.Min(rest.Length, MaxTagLength + 1)].IndexOfAny(":[ ");
        if (end <= 0 || rest[..end].ContainsAnyExceptInRange('!', '~'))
        {
            return false;
        }

        tag = rest[..end];
        var i = end;
        if (rest[i] == '[')
        {
            var close = rest[i..].IndexOf(']');
            if (close < 2)
            {
                return false;
            }

            pid = rest[(i + 1)..(i + close)];
            i += close + 1;
        }
        else if (rest[i] != ':')
        {
            return false;
        }

        if (i < rest.Length && rest[i] == ':')
        {
            i++;
        }
        else if (pid.IsEmpty)
        {
            return false;
        }

        if (i < rest.Length && rest[i] == ' ')
        {
            i++;
        }

        consumed = i;
        return true;
    }

    private static bool TryTimestamp(ref ReadOnlySpan<char> rest, DateTimeOffset receivedAt, out DateTimeOffset time, out bool invalidDate)
    {
        time = default;
        invalidDate = false;
        if (rest.Length > 19 && char.IsAsciiDigit(rest[0]) && rest[4] == '-' && rest[10] == 'T')
        {
            // RFC 3339 ("2026-02-27T08:00:00.123+01:00") followed by a space. A time with a space instead of the T is
            // not taken: application logs start that way too.
            var end = rest.IndexOf(' ');
            if (end > 0 && EventTime.TryParseIso(rest[..end], out time))
            {
                time = time.ToUniversalTime();
                rest = rest[(end + 1)..];
                return true;
            }

            return false;
        }

        // "MMM dd HH:mm:ss ", "MMM  d HH:mm:ss " or "MMM d HH:mm:ss "
        var shift = rest.Length > 5 && rest[5] == ' ' && rest[4] != ' ' ? -1 : 0;
        if (rest.Length < 16 + shift || rest[3] != ' ' || rest[6 + shift] != ' ' || rest[9 + shift] != ':' || rest[12 + shift] != ':'
            || rest[15 + shift] != ' ')
        {
            return false;
        }

        var month = Month(rest[..3]);
        if (month == 0 || !TryNumber(rest[4..(6 + shift)], out var day) || !TryNumber(rest[(7 + shift)..(9 + shift)], out var hour)
            || !TryNumber(rest[(10 + shift)..(12 + shift)], out var minute) || !TryNumber(rest[(13 + shift)..(15 + shift)], out var second))
        {
            return false;
        }

        var year = receivedAt.Year;
        if (!TryBuild(year, month, day, hour, minute, second, receivedAt.Offset, out time))
        {
            // Feb 29 in a year that has none: the message is from the last leap year within a year before.
            if (!TryBuild(year - 1, month, day, hour, minute, second, receivedAt.Offset, out time))
            {
                invalidDate = true;
                return false;
            }
        }
        else if (time > receivedAt.AddDays(1) && TryBuild(year - 1, month, day, hour, minute, second, receivedAt.Offset, out var earlier))
        {
            time = earlier;
        }

        time = time.ToUniversalTime();
        rest = rest[(16 + shift)..];
        return true;
    }

    // 1 to 12, or 0 when the text is not a month's abbreviation.
    private static int Month(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (text.SequenceEqual(Months[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool TryBuild(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, out DateTimeOffset time)
    {
        time = default;
        if (day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), offset);
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c == ' ' && value == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}

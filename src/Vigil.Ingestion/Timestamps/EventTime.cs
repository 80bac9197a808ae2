using Vigil.Events;

namespace Vigil.Ingestion.Timestamps;

/// <summary>Finds and parses the time of a JSON or CSV event.</summary>
/// <remarks>
/// Accepts ISO 8601 (<c>2024-05-01T10:00:00.1234567Z</c>, a space instead of <c>T</c>, an offset or none, which
/// means UTC), Unix epoch numbers of 9 digits or more (seconds, milliseconds, microseconds or nanoseconds, told apart
/// by their number of digits) and the <c>/Date(ms)/</c> form of .NET JSON. Anything else gives no time: culture-dependent forms are not
/// guessed, because a wrong guess would misplace an event silently.
/// </remarks>
internal static class EventTime
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    // Fields that carry the event time, most specific first; the first that is present and parses wins.
    private static readonly int[] CandidateIds =
    [
        FieldNames.Intern(WindowsEventFields.SystemTime),
        FieldNames.Intern("@timestamp"),
        FieldNames.Intern("timestamp"),
        FieldNames.Intern("TimeCreated"),
        FieldNames.Intern("time"),
        FieldNames.Intern("CreationTime"),
        FieldNames.Intern("createdDateTime"),
        FieldNames.Intern("TimeGenerated"),
        FieldNames.Intern("date"),
    ];

    /// <summary>The time of <paramref name="logEvent"/> from its first present, parseable time field, or null.</summary>
    public static DateTimeOffset? Find(LogEvent logEvent)
    {
        foreach (var id in CandidateIds)
        {
            var index = logEvent.IndexOf(id);
            if (index >= 0 && logEvent.ValueAt(index) is { } text && TryParse(text, out var time))
            {
                return time;
            }
        }

        return null;
    }

    /// <summary>Parses an ISO 8601 time, an epoch number or a <c>/Date(ms)/</c> value, as UTC.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            time = default;
            return false;
        }

        if (text.StartsWith("/Date(", StringComparison.Ordinal) && text.EndsWith(")/", StringComparison.Ordinal))
        {
            var inner = text[6..^2];
            var end = inner[1..].IndexOfAny('+', '-') + 1;
            return TryParseEpoch(end > 0 ? inner[..end] : inner, forceMilliseconds: true, out time);
        }

        return IsAsciiDigit(text[0]) && text.Length >= 10 && text[4] == '-'
            ? TryParseIso(text, out time)
            : TryParseEpoch(text, forceMilliseconds: false, out time);
    }

    /// <summary>Parses <c>yyyy-MM-dd[(T| )HH:mm[:ss[.f…]]][Z|±HH[:mm]]</c>; no offset means UTC.</summary>
    public static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var offsetMinutes = 0;
        var i = 10;
        if (i < s.Length)
        {
            if ((s[i] != 'T' && s[i] != 't' && s[i] != ' ') || !TryDigits(s, i + 1, 2, out hour)
                || i + 3 >= s.Length || s[i + 3] != ':' || !TryDigits(s, i + 4, 2, out minute))
            {
                return false;
            }

            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!TryDigits(s, i + 1, 2, out second))
                {
                    return false;
                }

                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var start = i;
                    var kept = 0;
                    for (; i < s.Length && IsAsciiDigit(s[i]); i++)
                    {
                        // Ticks are 100 ns: digits past the seventh are dropped.
                        if (kept < 7)
                        {
                            fraction = (fraction * 10) + (s[i] - '0');
                            kept++;
                        }
                    }

                    if (i == start)
                    {
                        return false;
                    }

                    for (; kept < 7; kept++)
                    {
                        fraction *= 10;
                    }
                }
            }

            if (i < s.Length && !TryParseOffset(s[i..], out offsetMinutes))
            {
                return false;
            }
        }

        // A leap second (:60) is folded into :59 rather than rejecting the event's time.
        second = Math.Min(second, 59);
        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction
            - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseOffset(ReadOnlySpan<char> s, out int minutes)
    {
        minutes = 0;
        if (s is "Z" or "z")
        {
            return true;
        }

        if (s.Length < 3 || (s[0] != '+' && s[0] != '-') || !TryDigits(s, 1, 2, out var hours))
        {
            return false;
        }

        var rest = s[3..];
        var offsetMinutes = 0;
        if (rest.Length > 0 && rest[0] == ':')
        {
            rest = rest[1..];
        }

        if (rest.Length != 0 && (rest.Length != 2 || !TryDigits(rest, 0, 2, out offsetMinutes)))
        {
            return false;
        }

        if (hours > 14 || offsetMinutes > 59)
        {
            return false;
        }

        minutes = (s[0] == '-' ? -1 : 1) * ((hours * 60) + offsetMinutes);
        return true;
    }

    private static bool TryParseEpoch(ReadOnlySpan<char> s, bool forceMilliseconds, out DateTimeOffset time)
    {
        time = default;
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fractionText = dot < 0 ? [] : s[(dot + 1)..];
        // Fewer than 9 digits would be before 1973: far more likely a duration or a counter than an epoch time.
        if (whole.Length is < 9 or > 19 || whole.ContainsAnyExceptInRange('0', '9')
            || fractionText.ContainsAnyExceptInRange('0', '9') || (dot >= 0 && fractionText.Length == 0))
        {
            return false;
        }

        // Seconds have up to 11 digits until year 5138; longer numbers are ms, µs or ns.
        long ticksPerUnit = forceMilliseconds ? 10_000 : whole.Length switch
        {
            <= 11 => TicksPerSecond,
            <= 14 => 10_000,
            <= 17 => 10,
            _ => 0,
        };
        if (!long.TryParse(whole, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                out var value))
        {
            return false;
        }

        var maxTicks = DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks;
        long ticks;
        if (ticksPerUnit == 0)
        {
            ticks = value / 100;
        }
        else if (value > maxTicks / ticksPerUnit)
        {
            return false;
        }
        else
        {
            ticks = value * ticksPerUnit;
            long fraction = 0, scale = 1;
            for (var i = 0; i < fractionText.Length && i < 9; i++, scale *= 10)
            {
                fraction = (fraction * 10) + (fractionText[i] - '0');
            }

            ticks += fraction * ticksPerUnit / scale;
        }

        if (ticks > maxTicks)
        {
            return false;
        }

        time = new DateTimeOffset(ticks + DateTime.UnixEpoch.Ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;
}

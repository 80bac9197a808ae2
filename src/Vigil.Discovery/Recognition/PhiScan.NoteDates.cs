namespace Vigil.Discovery.Recognition;

/// <summary>
/// Clinical-note dates (<see cref="RecogniserOptions.AllDates"/>): years on their own ("CABG '92", "MI in 1993"),
/// a month and day without a year ("July 29th"), and the ventilator settings and pain scores that look like dates
/// ("PS 10/5", "10/5/40%", "3/10 pain") left out.
/// </summary>
internal sealed partial class PhiScan
{
    /// <summary>Words just before a number that make it a ventilator setting rather than a date.</summary>
    private static readonly KeywordSet SettingContext = new(
        "ps", "psv", "peep", "cpap", "bipap", "bi-pap", "setting", "pressure support", "trial", "flowby",
        "flow by", "simv", "a/c", "imv", "ratio");

    /// <summary>Words around "N/10" that make it a pain score.</summary>
    private static readonly KeywordSet PainContext = new("pain", "cp", "angina", "discomfort", "scale", "score", "ache");

    /// <summary>Words before a four-digit number that make it a year (a time follows "at", "@", "~", "by").</summary>
    private static readonly string[] YearPrepositions = ["in", "since", "of", "from", "year", "yr", "until", "circa", "c"];

    private static readonly KeywordSet HistoryContext = new("pmh", "hx", "history", "s/p", "h/o", "past medical");

    /// <summary>True when the date-shaped numbers [start, end) are a ventilator setting, a percentage or a score.</summary>
    private bool IsSettingNotDate(int start, int end)
    {
        var s = _text;
        var after = end < s.Length && s[end] == ' ' ? end + 1 : end;
        if (after < s.Length && s[after] == '%')
        {
            return true;
        }

        var digitsEnd = DigitRunEnd(after);
        if (after > end && digitsEnd > after && digitsEnd < s.Length && s[digitsEnd] == '%')
        {
            return true; // "5/5 40%"
        }

        var from = Math.Max(0, start - 16);
        var newline = s.AsSpan(from, start - from).LastIndexOf('\n');
        if (SettingContext.FindWord(s, newline < 0 ? from : from + newline + 1, start) is not null)
        {
            return true;
        }

        // "3/10 pain", "CP 8/10": a score out of ten.
        var slash = s.AsSpan(start, end - start).IndexOf('/');
        return slash > 0 && s.AsSpan(start + slash + 1, end - start - slash - 1) is "10"
            && (SameLineBefore(start, 20, PainContext) is not null
                || PainContext.Find(s, end, Math.Min(s.Length, end + 20)) is not null);
    }

    /// <summary>A year on its own: 'NN, or 19NN/20NN after "in", "since"... or in a history line; returns the end or -1.</summary>
    private int TryNoteYear(int start, int end)
    {
        var s = _text;
        var len = end - start;
        if (!CharClass.BoundaryAt(s, end) || (end < s.Length && s[end] is '/' or ':' or '%' or '.' && end + 1 < s.Length && CharClass.IsDigit(s[end + 1])))
        {
            return -1;
        }

        var apostropheBefore = start > 0 && s[start - 1] == '\'' && (start < 2 || !CharClass.IsLetter(s[start - 2]) || CharClass.IsAsciiUpper(s[start - 2]));
        var apostropheAfter = end < s.Length && s[end] == '\'' && (end + 1 >= s.Length || !CharClass.IsLetter(s[end + 1]));
        if (len == 2 && (apostropheBefore || apostropheAfter))
        {
            Add(PhiTypes.Date, apostropheBefore ? start - 1 : start, apostropheAfter ? end + 1 : end, 0.6, "pattern:year");
            return end;
        }

        if (len == 2 && (IsHistoryYear(start, end) || IsHistoryYearAfterPreposition(start, end)))
        {
            Add(PhiTypes.Date, start, end, 0.55, "pattern:year");
            return end;
        }

        if (len != 4 || (s[start] != '1' && s[start] != '2') || Number(start, end) is < 1900 or > 2039 || start > 0 && CharClass.IsLetter(s[start - 1]))
        {
            return -1;
        }

        if (!PreviousWordIsOneOf(start, YearPrepositions) && !IsClocklessYear(start, end)
            && (SameLineBefore(start, 60, HistoryContext) is null || PreviousWordIsOneOf(start, TimePrepositions)))
        {
            return -1;
        }

        Add(PhiTypes.Date, start, end, 0.6, "pattern:year");
        return end;
    }

    /// <summary>"PMH: CABG 81, MI 92.": two digits after a procedure or diagnosis abbreviation in a history line.</summary>
    private bool IsHistoryYear(int start, int end)
    {
        var s = _text;
        if (end < s.Length && s[end] is not (',' or '.' or ';' or ')' or '\n' or '\r') || start < 3 || s[start - 1] != ' ')
        {
            return false;
        }

        var wordEnd = start - 1;
        var wordStart = wordEnd;
        while (wordStart > 0 && CharClass.IsAsciiUpper(s[wordStart - 1]))
        {
            wordStart--;
        }

        return wordEnd - wordStart is >= 2 and <= 5 && (wordStart == 0 || !CharClass.IsAlnum(s[wordStart - 1]))
            && !(end + 1 < s.Length && s[end] == '.' && CharClass.IsDigit(s[end + 1]))
            && SameLineBefore(start, 60, HistoryContext) is not null;
    }

    private static readonly string[] TimePrepositions = ["at", "by", "approx", "around", "about", "till", "before", "after"];

    /// <summary>"July 29th", "Nov. 2016", "March of 1993": a month name then a day or a year; returns the end or -1.</summary>
    private int TryMonthDayNoYear(int start, int end)
    {
        var s = _text;
        var pos = end < s.Length && s[end] == '.' ? end + 1 : end;
        if (pos + 1 >= s.Length || s[pos] != ' ')
        {
            return -1;
        }

        // "may" and "mar" are ordinary words; a month in full or an abbreviation with a period is not.
        var full = end - start > 3 || pos > end;
        if (!full || s.AsSpan(start, end - start).Equals("may", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        pos++;
        if (pos + 3 < s.Length && s.AsSpan(pos, 3).Equals("of ", StringComparison.OrdinalIgnoreCase))
        {
            pos += 3;
        }

        var numberEnd = DigitRunEnd(pos);
        var len = numberEnd - pos;
        var year = len == 4 && Number(pos, numberEnd) is >= 1900 and <= 2039;
        var day = len is 1 or 2 && Number(pos, numberEnd) is >= 1 and <= 31;
        if (!year && !day)
        {
            return -1;
        }

        var dateEnd = numberEnd;
        if (day && dateEnd + 1 < s.Length && CharClass.IsAsciiLower(s[dateEnd]) && CharClass.IsAsciiLower(s[dateEnd + 1]))
        {
            dateEnd += 2; // 29th
        }

        if (!CharClass.BoundaryAt(s, dateEnd))
        {
            return -1;
        }

        Add(PhiTypes.Date, start, dateEnd, 0.6, "pattern:month-day");
        return dateEnd;
    }
}

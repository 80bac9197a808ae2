namespace Vigil.Discovery.Recognition;

/// <summary>Dates (numeric, "3 March 1950", "March 3, 1950"), reported when a birth context precedes them.</summary>
internal sealed partial class PhiScan
{
    /// <summary>d/m/y, d.m.y, d-m-y (2- or 4-digit year) and y-m-d; returns the end or -1.</summary>
    private int TryNumericDate(int start, int end)
    {
        var s = _text;
        var sep = s[end];
        var secondEnd = DigitRunEnd(end + 1);
        if (secondEnd - end - 1 is < 1 or > 2)
        {
            return -1;
        }

        if (secondEnd + 1 >= s.Length || s[secondEnd] != sep || !CharClass.IsDigit(s[secondEnd + 1]))
        {
            return TryShortDate(start, end, secondEnd);
        }

        var thirdEnd = DigitRunEnd(secondEnd + 1);
        if (!CharClass.BoundaryAt(s, thirdEnd))
        {
            return -1;
        }

        var a = Number(start, end);
        var b = Number(end + 1, secondEnd);
        var c = Number(secondEnd + 1, thirdEnd);
        var firstLen = end - start;
        var thirdLen = thirdEnd - secondEnd - 1;
        var valid = firstLen == 4
            ? thirdLen <= 2 && IsDate(c, b, a)
            : thirdLen is 2 or 4 && (IsDate(a, b, c) || IsDate(b, a, c) || (_options.AllDates && IsDateShaped(a, b)));
        if (!valid)
        {
            return -1;
        }

        ReportDate(start, thirdEnd);
        return thirdEnd;
    }

    /// <summary>"3 March 1950", "3rd Mar 1950", "12 Apr 2025".</summary>
    private int TryDayMonthYear(int start, int end)
    {
        var s = _text;
        var pos = end;
        if (pos + 1 < s.Length && CharClass.IsAsciiLower(s[pos]) && CharClass.IsAsciiLower(s[pos + 1]))
        {
            pos += 2; // st, nd, rd, th
        }

        if (pos >= s.Length || s[pos] != ' ')
        {
            return -1;
        }

        var monthStart = pos + 1;
        var monthEnd = monthStart;
        while (monthEnd < s.Length && CharClass.IsLetter(s[monthEnd]))
        {
            monthEnd++;
        }

        if (monthEnd - monthStart < 3 || Lookup(monthStart, monthEnd).Month == 0)
        {
            return -1;
        }

        var yearStart = monthEnd < s.Length && s[monthEnd] == ',' ? monthEnd + 1 : monthEnd;
        if (yearStart >= s.Length || s[yearStart] != ' ')
        {
            return -1;
        }

        var yearEnd = DigitRunEnd(yearStart + 1);
        var yearLength = yearEnd - yearStart - 1;
        if (!(yearLength == 4 || (yearLength == 2 && _options.AllDates)) || !CharClass.BoundaryAt(s, yearEnd) || Number(start, end) is < 1 or > 31)
        {
            return -1;
        }

        ReportDate(start, yearEnd);
        return yearEnd;
    }

    /// <summary>"March 3, 1950", "March 3rd 1950": called on a month word.</summary>
    private int TryMonthDayYear(int start, int end)
    {
        var s = _text;
        if (end + 1 >= s.Length || s[end] != ' ' || !CharClass.IsDigit(s[end + 1]))
        {
            return -1;
        }

        var dayEnd = DigitRunEnd(end + 1);
        var pos = dayEnd;
        if (pos + 1 < s.Length && CharClass.IsAsciiLower(s[pos]) && CharClass.IsAsciiLower(s[pos + 1]))
        {
            pos += 2;
        }

        if (pos < s.Length && s[pos] == ',')
        {
            pos++;
        }

        if (dayEnd - end - 1 > 2 || pos >= s.Length || s[pos] != ' ' || Number(end + 1, dayEnd) is < 1 or > 31)
        {
            return -1;
        }

        var yearEnd = DigitRunEnd(pos + 1);
        if (yearEnd - pos - 1 != 4 || !CharClass.BoundaryAt(s, yearEnd))
        {
            return -1;
        }

        ReportDate(start, yearEnd);
        return yearEnd;
    }

    /// <summary>"7/22" (month/day or day/month, no year): only with <see cref="RecogniserOptions.AllDates"/>.</summary>
    private int TryShortDate(int start, int end, int secondEnd)
    {
        var s = _text;
        if (_options.AllDates && end - start <= 2)
        {
            var noteEnd = TryNoteShortDate(start, end, secondEnd);
            if (noteEnd != 0)
            {
                return noteEnd;
            }
        }

        if (!_options.AllDates || s[end] != '/' || end - start > 2 || !CharClass.BoundaryAt(s, secondEnd)
            || (secondEnd < s.Length && s[secondEnd] is '/' or '.' && secondEnd + 1 < s.Length && CharClass.IsDigit(s[secondEnd + 1])))
        {
            return -1;
        }

        var a = Number(start, end);
        var b = Number(end + 1, secondEnd);
        var glued = start > 0 && s[start - 1] is '/' or '.' or '-' or 'x' or 'X';
        var fraction = b <= 4 && a < b; // 1/2, 2/3, 3/4
        var monthYear = a is >= 1 and <= 12 && b > 31 && secondEnd - end == 3; // 8/87
        if (glued || fraction || (!IsDate(b, a, 2000) && !IsDate(a, b, 2000) && !IsDateShaped(a, b) && !monthYear) || IsSettingNotDate(start, secondEnd))
        {
            return -1;
        }

        Add(PhiTypes.Date, start, secondEnd, 0.5, monthYear ? "pattern:month-year" : "pattern:day-month");
        return secondEnd;
    }

    private void ReportDate(int start, int end)
    {
        if (ContextWindow.FindBefore(_text, start, 40, ContextWords.Birth) is { } birth)
        {
            Add(PhiTypes.DateOfBirth, start, end, 0.9, "pattern:date; context:" + birth);
        }
        else if (_options.AllDates && !IsSettingNotDate(start, end))
        {
            Add(PhiTypes.Date, start, end, 0.7, "pattern:date");
        }
    }

    private int Number(int start, int end)
    {
        var value = 0;
        for (var i = start; i < end && i < start + 6; i++)
        {
            value = (value * 10) + (_text[i] - '0');
        }

        return value;
    }

    private static bool IsDate(int day, int month, int year) =>
        month is >= 1 and <= 12 && day >= 1 && day <= Checksums.DaysIn(month, year);
}

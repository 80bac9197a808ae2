namespace Vigil.Discovery.Recognition;

/// <summary>
/// More clinical-note date shapes (<see cref="RecogniserOptions.AllDates"/>): a month/day with a two-digit year after
/// a period ("4/17.86"), a month-day with a hyphen after "on" ("on 5-6"), a month alone after "in" or "since"
/// ("in sept."), and years no clock can show (19NN with NN of 60 or more).
/// </summary>
internal sealed partial class PhiScan
{
    private static readonly string[] DashDateBefore = ["on", "since", "until", "from"];

    private static readonly string[] HistoryYearBefore = ["in", "since"];

    private static readonly string[] MonthAloneBefore = ["in", "since", "during", "until", "early", "late", "mid", "last", "by"];

    /// <summary>Words after a number that make it a quantity ("1980 cc"), not a year.</summary>
    private static readonly string[] QuantityUnits =
    [
        "cc", "ccs", "ml", "mls", "l", "cal", "cals", "kcal", "kcals", "mg", "mcg", "g", "gm", "gms", "grams", "u",
        "units", "meq", "mmol", "mmhg", "ms", "msec", "min", "mins", "hrs", "out", "in", "total", "x",
    ];

    /// <summary>Month 1-12 then day 1-31, whether or not that day exists in that month (surrogate dates: "2/30").</summary>
    private static bool IsDateShaped(int month, int day) => month is >= 1 and <= 12 && day is >= 1 and <= 31;

    /// <summary>
    /// "4/17.86" and "on 5-6": returns the end of a date, or 0 when the shape is not one of these (the caller goes on).
    /// </summary>
    private int TryNoteShortDate(int start, int end, int secondEnd)
    {
        var s = _text;
        var a = Number(start, end);
        var b = Number(end + 1, secondEnd);
        if (!IsDateShaped(a, b) || (start > 0 && s[start - 1] is '/' or '.' or '-'))
        {
            return 0;
        }

        if (s[end] == '/' && secondEnd + 2 < s.Length && s[secondEnd] == '.' && DigitRunEnd(secondEnd + 1) == secondEnd + 3
            && CharClass.BoundaryAt(s, secondEnd + 3) && !IsSettingNotDate(start, secondEnd))
        {
            Add(PhiTypes.Date, start, secondEnd + 3, 0.55, "pattern:date");
            return secondEnd + 3;
        }

        if (s[end] == '-' && CharClass.BoundaryAt(s, secondEnd) && PreviousWordIsOneOf(start, DashDateBefore)
            && !(secondEnd + 1 < s.Length && s[secondEnd] is '-' or '/' or '.' && CharClass.IsDigit(s[secondEnd + 1])))
        {
            Add(PhiTypes.Date, start, secondEnd, 0.5, "pattern:day-month");
            return secondEnd;
        }

        return 0;
    }

    /// <summary>"in sept.", "since March": a month written out (or abbreviated with a period) after "in", "since"...</summary>
    private int TryMonthAlone(int start, int end)
    {
        var s = _text;
        var period = end < s.Length && s[end] == '.';
        if ((end - start <= 3 && !period) || s.AsSpan(start, end - start).Equals("may", StringComparison.OrdinalIgnoreCase)
            || !PreviousWordIsOneOf(start, MonthAloneBefore))
        {
            return -1;
        }

        Add(PhiTypes.Date, start, end, 0.5, "pattern:month");
        return end;
    }

    /// <summary>"MI 1987": 1960-1999 cannot be a time of day (no 60th minute), so it is a year unless a unit follows.</summary>
    private bool IsClocklessYear(int start, int end)
    {
        var s = _text;
        return end - start == 4 && Number(start, end) is >= 1960 and <= 1999
            && (start == 0 || s[start - 1] is not ('/' or '+' or '-' or '.' or '$' or '#'))
            && (end >= s.Length || s[end] is not ('/' or '-' or '+' or 'x' or '*'))
            && !NextWordIsOneOf(end, QuantityUnits);
    }

    /// <summary>"CVA in 85": two digits after "in" or "since" in a history line.</summary>
    private bool IsHistoryYearAfterPreposition(int start, int end) =>
        end - start == 2 && PreviousWordIsOneOf(start, HistoryYearBefore) && CharClass.BoundaryAt(_text, end)
        && !(end + 1 < _text.Length && _text[end] is '.' or '/' or ':' && CharClass.IsDigit(_text[end + 1]))
        && !NextWordIsOneOf(end, QuantityUnits) && SameLineBefore(start, 60, HistoryContext) is not null;
}

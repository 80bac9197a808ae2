namespace Vigil.Discovery.Recognition;

/// <summary>
/// Clinical-note tokens of letters and digits (<see cref="RecogniserOptions.AllDates"/>, <see cref="RecogniserOptions.Places"/>):
/// ordinal days ("on the 14th"), decades ("1980s"), dates typed against a word ("on3/12/84", "fx6/95") and wards
/// written with their bed or floor number ("to ward7").
/// </summary>
internal sealed partial class PhiScan
{
    private static readonly string[] OrdinalBefore = ["the", "on"];

    private static readonly string[] WardBefore = ["to", "from", "on", "at", "in"];

    /// <summary>Letters-and-digits tokens under the note options; returns the end of a match or -1.</summary>
    private int OnNoteAlnum(int start, int end)
    {
        var s = _text;
        var digitsEnd = DigitRunEnd(start);
        if (_options.AllDates && digitsEnd > start)
        {
            var suffix = s.AsSpan(digitsEnd, end - digitsEnd);
            var value = Number(start, digitsEnd);
            if (digitsEnd - start <= 2 && suffix.Length == 2 && IsOrdinalSuffix(suffix) && value is >= 1 and <= 31
                && PreviousWordIsOneOf(start, OrdinalBefore) && EndsPhrase(end))
            {
                Add(PhiTypes.Date, start, end, 0.55, "pattern:ordinal-day");
                return end;
            }

            if (suffix is "s" or "S" && digitsEnd - start == 4 && value is >= 1900 and <= 2039 && value % 10 == 0)
            {
                Add(PhiTypes.Date, start, end, 0.55, "pattern:decade"); // 1980s (two digits, "in the 80s", are vital signs)
                return end;
            }
        }

        if (digitsEnd > start || !CharClass.IsDigit(s[end - 1]))
        {
            return -1;
        }

        if (_options.UsPhones && s[start] is 'x' or 'X' && end - start is >= 3 and <= 6 && DigitRunEnd(start + 1) == end)
        {
            return ExtendPhone(start, end);
        }

        var numberStart = end;
        while (CharClass.IsDigit(s[numberStart - 1]))
        {
            numberStart--;
        }

        if (_options.AllDates && numberStart - start >= 2 && end + 1 < s.Length && s[end] == '/' && CharClass.IsDigit(s[end + 1]))
        {
            var dateEnd = TryGluedDate(numberStart, end);
            if (dateEnd > 0)
            {
                return dateEnd;
            }
        }

        if (_options.Places && numberStart - start >= 5 && end - numberStart <= 2 && CharClass.BoundaryAt(s, end)
            && (end >= s.Length || s[end] != '/') && PreviousWordIsOneOf(start, WardBefore))
        {
            var info = Lookup(start, numberStart);
            var unknown = info.Flags == WordFlags.None && info.Id == 0;
            if (unknown || ((info.Flags & WordFlags.PlaceStart) != 0 && (info.Flags & WordFlags.MedicalWord) == 0))
            {
                Add(PhiTypes.Location, start, end, 0.6, "pattern:ward-number");
                return end;
            }
        }

        return -1;
    }

    /// <summary>"on3/12/84", "fx6/95": a month/day/year or month/year written against the word before it.</summary>
    private int TryGluedDate(int start, int end)
    {
        var s = _text;
        var secondEnd = DigitRunEnd(end + 1);
        var a = Number(start, end);
        var b = Number(end + 1, secondEnd);
        if (end - start > 2 || secondEnd - end - 1 is < 1 or > 2 || a is < 1 or > 12)
        {
            return -1;
        }

        if (secondEnd + 1 < s.Length && s[secondEnd] == '/' && CharClass.IsDigit(s[secondEnd + 1]))
        {
            var thirdEnd = DigitRunEnd(secondEnd + 1);
            if (thirdEnd - secondEnd - 1 is 2 or 4 && b is >= 1 and <= 31 && CharClass.BoundaryAt(s, thirdEnd))
            {
                Add(PhiTypes.Date, start, thirdEnd, 0.55, "pattern:date");
                return thirdEnd;
            }

            return -1;
        }

        if (secondEnd - end == 3 && b > 31 && CharClass.BoundaryAt(s, secondEnd))
        {
            Add(PhiTypes.Date, start, secondEnd, 0.5, "pattern:month-year");
            return secondEnd;
        }

        return -1;
    }

    /// <summary>True when no word follows on the line ("on the 14th.", "it's the 14th"), or "of" or a month does.</summary>
    private bool EndsPhrase(int end)
    {
        var s = _text;
        var pos = SkipSpaces(end, 2);
        if (pos >= s.Length || !CharClass.IsLetter(s[pos]))
        {
            return true;
        }

        var wordEnd = pos;
        while (wordEnd < s.Length && CharClass.IsLetter(s[wordEnd]))
        {
            wordEnd++;
        }

        return s.AsSpan(pos, wordEnd - pos).Equals("of", StringComparison.OrdinalIgnoreCase) || Lookup(pos, wordEnd).Month != 0;
    }

    /// <summary>"301 555 0134 x27": an extension right after a phone number joins it; returns the end or -1.</summary>
    private int ExtendPhone(int start, int end)
    {
        if (_results.Count == 0 || _results[^1] is not { Type: PhiTypes.UsPhone } phone || start - (phone.Start + phone.Length) is < 1 or > 2)
        {
            return -1;
        }

        _results[^1] = phone with { Length = end - phone.Start };
        return end;
    }

    /// <summary>"96 yo", "91 year old": an age over 89.</summary>
    private bool IsOldAge(int start, int end) =>
        Number(start, end) is >= 90 and <= 119 && (NextWordIsOneOf(end, AgeWords)
            || (end + 3 < _text.Length && _text.AsSpan(end, 3).Equals("y/o", StringComparison.OrdinalIgnoreCase))
            || (end + 4 < _text.Length && _text.AsSpan(end, 4).Equals(" y/o", StringComparison.OrdinalIgnoreCase)));

    private static readonly string[] AgeWords = ["yo", "yr", "yrs", "year", "years", "yof", "yom"];

    /// <summary>"301555-0134": six digits, a hyphen and four, the first digit 2-9 (a ten-digit number missing a separator).</summary>
    private int TrySixFourPhone(int start, int end)
    {
        var s = _text;
        if (s[start] < '2' || end + 5 > s.Length || s[end] != '-' || DigitRunEnd(end + 1) != end + 5 || !UsPhoneEnds(end + 5)
            || (start > 0 && (CharClass.IsAlnum(s[start - 1]) || s[start - 1] is '-' or '/' or '.')))
        {
            return -1;
        }

        Add(PhiTypes.UsPhone, start, end + 5, 0.6, "pattern:us-phone");
        return end + 5;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the word after <paramref name="end"/> (one or two spaces between) is one of <paramref name="words"/>.</summary>
    private bool NextWordIsOneOf(int end, string[] words)
    {
        var s = _text;
        var pos = SkipSpaces(end, 2);
        if (pos == end)
        {
            return false;
        }

        var wordEnd = pos;
        while (wordEnd < s.Length && CharClass.IsLetter(s[wordEnd]))
        {
            wordEnd++;
        }

        return IsWordAt(pos, wordEnd, words);
    }

    /// <summary>
    /// "(301555-0134)", "(301 555 01345)": ten or eleven digits in parentheses in up to three groups, the first digit
    /// 2-9 and nothing but digits, spaces and hyphens inside; called on '(' when the usual shapes did not match.
    /// </summary>
    private int TryParenDigitsPhone(int paren)
    {
        var s = _text;
        var pos = paren + 1;
        var digits = 0;
        var groups = 0;
        while (pos < s.Length && groups < 3 && CharClass.IsDigit(s[pos]))
        {
            var runEnd = DigitRunEnd(pos);
            digits += runEnd - pos;
            groups++;
            pos = runEnd < s.Length && s[runEnd] is ' ' or '-' && runEnd + 1 < s.Length && CharClass.IsDigit(s[runEnd + 1]) ? runEnd + 1 : runEnd;
            if (pos == runEnd)
            {
                break;
            }
        }

        if (pos >= s.Length || s[pos] != ')' || digits is < 10 or > 11 || s[paren + 1] < '2')
        {
            return -1;
        }

        Add(PhiTypes.UsPhone, paren + 1, pos, 0.6, "pattern:us-phone");
        return pos + 1;
    }
}

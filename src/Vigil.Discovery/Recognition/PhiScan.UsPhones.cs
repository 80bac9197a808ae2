namespace Vigil.Discovery.Recognition;

/// <summary>
/// North American numbers (<see cref="RecogniserOptions.UsPhones"/>): (NXX) NXX-XXXX, NXX-NXX-XXXX with '-', '.',
/// '/' or spaces, NXX-XXXX after a phone word, and 4-5 digit pager numbers right after "pager", "beeper" or "pg".
/// Off by default: a UK mailbox holds 10-digit references shaped like these.
/// </summary>
internal sealed partial class PhiScan
{
    /// <summary>Called on a 3- or 4-5-digit run; returns the end of a match or -1.</summary>
    private int TryUsPhone(int start, int end)
    {
        var s = _text;
        if (start > 0 && (CharClass.IsDigit(s[start - 1]) || (s[start - 1] is '.' or '/' && start > 1 && CharClass.IsDigit(s[start - 2]))))
        {
            return -1;
        }

        if (end - start is 4 or 5)
        {
            return TryPager(start, end);
        }

        var pos = UsSeparator(end);
        if (pos < 0 || s[start] < '2')
        {
            return -1;
        }

        // An exchange starting 0 or 1 is not dialable, but written NXX-0XX-XXXX with dashes it is still a phone.
        var dashed = pos == end + 1 && s[end] == '-' && DigitRunEnd(pos) == pos + 3 && pos + 3 < s.Length && s[pos + 3] == '-';
        var lineStart = IsUsExchange(pos) || dashed ? UsSeparator(pos + 3) : -1;
        if (lineStart > 0 && DigitRunEnd(lineStart) - lineStart == 4 && UsPhoneEnds(lineStart + 4)
            && Before(start, ContextWords.Nhs) is null)
        {
            var context = Before(start, ContextWords.UsPhone);
            Add(PhiTypes.UsPhone, start, lineStart + 4, context is null ? 0.7 : 0.9, "pattern:us-phone" + Ctx(context));
            return lineStart + 4;
        }

        // "202 2671093": area code then seven digits, only after a phone word.
        if (pos == end + 1 && s[end] == ' ' && DigitRunEnd(pos) - pos == 7 && s[pos] >= '2' && UsPhoneEnds(pos + 7)
            && Before(start, ContextWords.UsPhone) is { } reached)
        {
            Add(PhiTypes.UsPhone, start, pos + 7, 0.75, "pattern:us-phone" + Ctx(reached));
            return pos + 7;
        }

        // NXX-XXXX: seven digits only after a phone word.
        if (pos == end + 1 && s[end] is '-' or '.' && DigitRunEnd(pos) - pos == 4 && UsPhoneEnds(pos + 4)
            && Before(start, ContextWords.UsPhone) is { } word)
        {
            Add(PhiTypes.UsPhone, start, pos + 4, 0.75, "pattern:us-phone-local" + Ctx(word));
            return pos + 4;
        }

        return -1;
    }

    /// <summary>"(410) 555-9876": called on '('.</summary>
    private int TryParenUsPhone(int paren)
    {
        var s = _text;
        if (paren + 5 >= s.Length || s[paren + 1] < '2' || DigitRunEnd(paren + 1) != paren + 4 || s[paren + 4] != ')')
        {
            return TryParenDigitsPhone(paren);
        }

        var pos = SkipSpaces(paren + 5, 1);
        if (pos + 3 >= s.Length || !IsUsExchange(pos))
        {
            return -1;
        }

        var lineStart = UsSeparator(pos + 3);
        if (lineStart < 0 || DigitRunEnd(lineStart) - lineStart != 4 || !UsPhoneEnds(lineStart + 4))
        {
            return -1;
        }

        var context = Before(paren, ContextWords.UsPhone);
        Add(PhiTypes.UsPhone, paren, lineStart + 4, context is null ? 0.75 : 0.9, "pattern:us-phone" + Ctx(context));
        return lineStart + 4;
    }

    /// <summary>A pager number: 4 or 5 digits after "pager", "beeper" or "pg", with only '#', ':', "no" or "number" between.</summary>
    private int TryPager(int start, int end)
    {
        if (!UsPhoneEnds(end))
        {
            return -1;
        }

        var (wordStart, wordEnd) = WordBefore(start);
        var word = _text.AsSpan(wordStart, wordEnd - wordStart);
        if (word.Equals("no", StringComparison.OrdinalIgnoreCase) || word.Equals("number", StringComparison.OrdinalIgnoreCase))
        {
            (wordStart, wordEnd) = WordBefore(wordStart);
        }

        if (ContextWindow.Find(_text, wordStart, wordEnd, ContextWords.Pager) is not { } label || label.Length != wordEnd - wordStart)
        {
            return -1;
        }

        Add(PhiTypes.UsPhone, start, end, 0.8, "label:" + label);
        return end;
    }

    /// <summary>The letters before <paramref name="pos"/>, skipping spaces, '#', ':' and '.' (at most 3 of them).</summary>
    private (int Start, int End) WordBefore(int pos)
    {
        var s = _text;
        var stop = Math.Max(0, pos - 3);
        while (pos > stop && s[pos - 1] is ' ' or '#' or ':' or '.' or '\t')
        {
            pos--;
        }

        var start = pos;
        while (start > 0 && CharClass.IsLetter(s[start - 1]))
        {
            start--;
        }

        return (start, pos);
    }

    /// <summary>After a digit group: '-', '.', '/' or a space, then at most two spaces; the next position, or -1.</summary>
    private int UsSeparator(int pos)
    {
        var s = _text;
        if (pos >= s.Length || s[pos] is not ('-' or '.' or '/' or ' '))
        {
            return -1;
        }

        pos = SkipSpaces(pos + 1, 2);
        return pos < s.Length && CharClass.IsDigit(s[pos]) ? pos : -1;
    }

    private bool IsUsExchange(int pos) => _text[pos] >= '2' && DigitRunEnd(pos) == pos + 3;

    /// <summary>A number ends here: not followed by a letter, a digit, or another digit group.</summary>
    private bool UsPhoneEnds(int end)
    {
        var s = _text;
        return CharClass.BoundaryAt(s, end) && !(end + 1 < s.Length && s[end] is '-' or '/' or '.' && CharClass.IsDigit(s[end + 1]));
    }
}

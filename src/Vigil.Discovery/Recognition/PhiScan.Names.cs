namespace Vigil.Discovery.Recognition;

/// <summary>Person names (first-name list or a context trigger, plus capitalised surnames) and street addresses.</summary>
internal sealed partial class PhiScan
{
    private const int MaxNameWords = 4;

    private int TryPerson(int start, int end, WordInfo first, bool inContext)
    {
        var upperAllowed = inContext && _personUpper;
        if ((first.Flags & (WordFlags.NotName | WordFlags.StreetSuffix)) != 0 || !LooksLikeName(start, NameWordEnd(end), upperAllowed))
        {
            return -1;
        }

        var s = _text;
        var words = 1;
        var nameEnd = NameWordEnd(end);
        var pos = nameEnd;
        // In capitals every word looks like a name: take a surname only after a known first name (DR JOHN SMITH).
        var maxWords = upperAllowed && IsAllUpper(start, end) ? ((first.Flags & WordFlags.FirstName) != 0 ? 2 : 1) : MaxNameWords;
        while (words < maxWords && pos + 1 < s.Length && s[pos] == ' ' && CharClass.IsUpper(s[pos + 1]))
        {
            var wordEnd = pos + 1;
            while (wordEnd < s.Length && CharClass.IsAlnum(s[wordEnd]))
            {
                wordEnd++;
            }

            var info = Lookup(pos + 1, wordEnd);
            if ((info.Flags & WordFlags.StreetSuffix) != 0)
            {
                return -1; // "Victoria Road": a street, not a person
            }

            if ((info.Flags & (WordFlags.NotName | WordFlags.Title | WordFlags.Month)) != 0 || !LooksLikeName(pos + 1, NameWordEnd(wordEnd), upperAllowed))
            {
                break;
            }

            words++;
            nameEnd = NameWordEnd(wordEnd);
            pos = nameEnd;
        }

        var isFirstName = (first.Flags & WordFlags.FirstName) != 0;
        if (!inContext && (words < 2 || !isFirstName || AfterPlacePrefix(start)))
        {
            return -1;
        }

        // After a weak trigger an unknown first word counts only as a capitalised pair in mixed-case text.
        if (inContext && !isFirstName && ((_personWeak && (_personUpper || words < 2)) || (words == 1 && _personEvidence is "context:header")))
        {
            return -1;
        }

        var confidence = inContext ? (isFirstName ? 0.95 : 0.8) : 0.65;
        var evidence = (inContext ? _personEvidence : "capitalised-surname")
            + (isFirstName ? "; dictionary:ons-first-name" : string.Empty);
        _personAt = -1;
        Add(PhiTypes.Person, start, nameEnd, confidence, evidence);
        return nameEnd;
    }

    /// <summary>Extends a word over internal apostrophes and hyphens: O'Neill, Smith-Jones.</summary>
    private int NameWordEnd(int end)
    {
        var s = _text;
        while (end + 1 < s.Length && s[end] is '\'' or '-' && CharClass.IsLetter(s[end + 1]))
        {
            end += 2;
            while (end < s.Length && CharClass.IsLetter(s[end]))
            {
                end++;
            }
        }

        return end;
    }

    private bool AfterPlacePrefix(int start)
    {
        var s = _text;
        var pos = start - 1;
        if (pos <= 0 || s[pos] != ' ')
        {
            return false;
        }

        var wordEnd = s[pos - 1] == '.' ? pos - 1 : pos;
        var wordStart = wordEnd;
        while (wordStart > 0 && CharClass.IsLetter(s[wordStart - 1]))
        {
            wordStart--;
        }

        return wordEnd > wordStart && (Lookup(wordStart, wordEnd).Flags & WordFlags.PlacePrefix) != 0;
    }

    /// <summary>Capital then lower case (Smith, McDonald); all capitals only when the trigger was in capitals.</summary>
    private bool LooksLikeName(int start, int end, bool upperAllowed)
    {
        var lower = false;
        for (var i = start + 1; i < end; i++)
        {
            var c = _text[i];
            if (CharClass.IsDigit(c))
            {
                return false;
            }

            lower |= !CharClass.IsUpper(c);
        }

        return lower || (upperAllowed && end - start > 1);
    }

    private bool IsAllUpper(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!CharClass.IsUpper(_text[i]))
            {
                return false;
            }
        }

        return end - start > 1;
    }

    /// <summary>A house number then capitalised words ending in Road, Street...; after "Address" any words up to a comma.</summary>
    private int TryAddress(int start, int end)
    {
        var s = _text;
        if (end + 1 >= s.Length || s[end] != ' ' || !CharClass.IsUpper(s[end + 1]) || Number(start, end) == 0
            || (_options.NoteNames && end + 2 < s.Length && CharClass.IsUpper(s[end + 2])))
        {
            return end; // notes in capitals: "4 LARGE THICK LIQ GREEN" is not a street
        }

        var pos = end;
        var lastEnd = -1;
        var sawSuffix = false;
        for (var words = 0; words < 6 && pos + 1 < s.Length && s[pos] == ' ' && CharClass.IsLetter(s[pos + 1]); words++)
        {
            var wordEnd = pos + 1;
            while (wordEnd < s.Length && CharClass.IsLetter(s[wordEnd]))
            {
                wordEnd++;
            }

            var flags = Lookup(pos + 1, wordEnd).Flags;
            if (!CharClass.IsUpper(s[pos + 1]) && (flags & WordFlags.Particle) == 0)
            {
                break; // "Rue des Pres", "La Route de St Aubin": lower-case particles only
            }

            lastEnd = wordEnd;
            pos = wordEnd;
            if (words > 0 && (flags & (WordFlags.StreetSuffix | WordFlags.WeakStreetSuffix)) != 0)
            {
                sawSuffix = true;
                break;
            }
        }

        var context = sawSuffix ? null : ContextWindow.FindBefore(s, start, 20, ContextWords.Address);
        if (lastEnd < 0 || (!sawSuffix && (context is null || (lastEnd < s.Length && s[lastEnd] is not (',' or '\n' or '\r')))))
        {
            return end;
        }

        Add(PhiTypes.Address, start, lastEnd, sawSuffix ? 0.75 : 0.85, sawSuffix ? "pattern:street-suffix" : "context:" + context);
        return lastEnd;
    }
}

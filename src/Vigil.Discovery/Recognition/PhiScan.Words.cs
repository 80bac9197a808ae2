namespace Vigil.Discovery.Recognition;

/// <summary>Letter tokens: header lines, context triggers, names, dictionary phrases, month-first dates.</summary>
internal sealed partial class PhiScan
{
    private int OnWord(int start, int end)
    {
        var s = _text;
        if ((start == 0 || s[start - 1] == '\n') && end < s.Length && s[end] is ':' or '-')
        {
            var headerEnd = OnHeaderLine(start);
            if (headerEnd > 0)
            {
                return headerEnd;
            }
        }

        if (end - start == 2 && CharClass.IsAsciiUpper(s[start]) && CharClass.IsAsciiUpper(s[start + 1]) && end + 1 < s.Length
            && s[end] == ' ' && CharClass.IsDigit(s[end + 1]))
        {
            var ninoEnd = TryNinoSpaced(start);
            if (ninoEnd > 0)
            {
                return ninoEnd;
            }
        }

        var info = Lookup(start, end);
        if ((_options.Places || _options.NoteNames) && _options.Names)
        {
            var listedEnd = OnListedWord(start, end, info);
            if (listedEnd > 0)
            {
                return listedEnd;
            }
        }

        if (_options.Names && CharClass.IsUpper(s[start]))
        {
            var inContext = start == _personAt;
            if (inContext || (info.Flags & WordFlags.FirstName) != 0)
            {
                var nameEnd = TryPerson(start, end, info, inContext);
                if (nameEnd > 0)
                {
                    return nameEnd;
                }
            }
        }

        if ((info.Flags & (WordFlags.PersonTrigger | WordFlags.Title)) != 0)
        {
            SetPersonContext(start, end, info);
        }

        if ((info.Flags & WordFlags.PhraseStart) != 0 && _options.Health)
        {
            var phraseEnd = TryPhrase(start, end, info);
            if (phraseEnd > 0)
            {
                return phraseEnd;
            }
        }

        if ((info.Flags & WordFlags.Month) != 0)
        {
            var dateEnd = TryMonthDayYear(start, end);
            if (dateEnd < 0 && _options.AllDates)
            {
                dateEnd = TryMonthDayNoYear(start, end);
                dateEnd = dateEnd < 0 ? TryMonthAlone(start, end) : dateEnd;
            }

            if (dateEnd > 0)
            {
                return dateEnd;
            }
        }

        return end;
    }

    /// <summary>
    /// Header lines: From/To/Cc display names are names in context; Message-ID, References and In-Reply-To hold
    /// machine identifiers shaped like e-mail addresses and are skipped whole (continuation lines included).
    /// </summary>
    private int OnHeaderLine(int start)
    {
        var s = _text;
        var colon = s.AsSpan(start, Math.Min(24, s.Length - start)).IndexOf(':');
        if (colon <= 0)
        {
            return -1;
        }

        var name = s.AsSpan(start, colon);
        if (name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase) || name.Equals("References", StringComparison.OrdinalIgnoreCase)
            || name.Equals("In-Reply-To", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase))
        {
            var pos = start;
            while (true)
            {
                var newline = s.IndexOf('\n', pos);
                if (newline < 0)
                {
                    return s.Length;
                }

                if (newline + 1 >= s.Length || s[newline + 1] is not (' ' or '\t'))
                {
                    return newline + 1;
                }

                pos = newline + 1;
            }
        }

        if (name.Equals("From", StringComparison.OrdinalIgnoreCase) || name.Equals("To", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cc", StringComparison.OrdinalIgnoreCase) || name.Equals("Reply-To", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Sender", StringComparison.OrdinalIgnoreCase))
        {
            var pos = SkipSpaces(start + colon + 1, 4);
            if (pos < s.Length && s[pos] == '"')
            {
                pos++;
            }

            _personAt = pos;
            _personUpper = false;
            _personWeak = false;
            _personEvidence = "context:header";
        }

        return -1;
    }

    private void SetPersonContext(int start, int end, WordInfo info)
    {
        var s = _text;
        var isTitle = (info.Flags & WordFlags.Title) != 0;
        var after = end;
        if (_options.NoteNames && isTitle && end + 2 < s.Length && s[end] == '\'' && s[end + 1] is 's' or 'S' && s[end + 2] == ' ')
        {
            after = end + 2; // "DR'S LIPPER AND LANDER"
        }

        if (isTitle && after < s.Length && s[after] is not (' ' or '.'))
        {
            return; // "MS:" or "MS-" heads a section (mental status), "Ms Smith" introduces a name
        }

        var pos = after;
        var stop = Math.Min(s.Length, after + 4);
        var newlines = 0;
        while (pos < stop && s[pos] is ' ' or ':' or ',' or '.' or '\t' or '\r' or '\n' or '-')
        {
            if (s[pos] == '\n' && ++newlines > 1)
            {
                return;
            }

            pos++;
        }

        if (pos + 3 < s.Length && s.AsSpan(pos, 3).Equals("is ", StringComparison.OrdinalIgnoreCase))
        {
            pos += 3; // "my name is Ada Lovelace"
        }
        else if (pos + 4 < s.Length && s.AsSpan(pos, 4).Equals("was ", StringComparison.OrdinalIgnoreCase))
        {
            pos += 4;
        }

        _personAt = pos;
        _personUpper = IsAllUpper(start, end);
        _personWeak = (info.Flags & WordFlags.WeakTrigger) != 0 && (end >= s.Length || s[end] != ':');
        _personEvidence = isTitle
            ? "context:title"
            : StaticWords.TriggerEvidence(s.AsSpan(start, end - start));
    }

    private int TryPhrase(int start, int end, WordInfo first)
    {
        var s = _text;
        var (bestEnd, bestKind) = LongestEntry(_vocabulary.Phrases, first, end, placeGaps: false);
        if (bestEnd < 0 || !CharClass.BoundaryAt(s, bestEnd))
        {
            return -1;
        }

        if (bestKind == PhraseKind.Brand && !CharClass.IsUpper(s[start]))
        {
            return -1;
        }

        if (bestKind is PhraseKind.Medication or PhraseKind.Brand)
        {
            Add(PhiTypes.Medication, start, bestEnd, 0.8, "dictionary:bnf");
            return bestEnd;
        }

        var context = bestKind == PhraseKind.ConditionNeedsContext ? SameLineBefore(start, 40, StaticWords.MedicalContext) : "phrase";
        if (context is null)
        {
            return -1;
        }

        Add(PhiTypes.Condition, start, bestEnd, bestKind == PhraseKind.Condition ? 0.8 : 0.7,
            "dictionary:condition" + (bestKind == PhraseKind.Condition ? string.Empty : Ctx(context)));
        _lastConditionEnd = bestEnd;
        return bestEnd;
    }

    /// <summary>
    /// The longest trie entry whose first word is <paramref name="first"/> (ending at <paramref name="end"/>): its end
    /// (-1 when none) and kind. Phrase words are joined by one space, '-', '/' or apostrophe; with
    /// <paramref name="placeGaps"/> by one or two of space, '.', '-', apostrophe or '&amp;' (St. Mary's, A &amp; E).
    /// </summary>
    private (int End, PhraseKind Kind) LongestEntry(PhraseTrie trie, WordInfo first, int end, bool placeGaps)
    {
        var s = _text;
        var node = trie.Next(0, first.Id);
        var bestEnd = -1;
        var bestKind = PhraseKind.None;
        var pos = end;
        while (node > 0)
        {
            if (trie.TerminalAt(node) != PhraseKind.None)
            {
                bestEnd = pos;
                bestKind = trie.TerminalAt(node);
            }

            var next = pos;
            if (placeGaps)
            {
                while (next < s.Length && next - pos < 2 && s[next] is ' ' or '.' or '-' or '\'' or '&')
                {
                    next++;
                }
            }
            else if (pos < s.Length && s[pos] is ' ' or '-' or '/' or '\'')
            {
                next++;
            }

            if (next == pos || next >= s.Length || !CharClass.IsAlnum(s[next]))
            {
                break;
            }

            var wordEnd = next;
            while (wordEnd < s.Length && CharClass.IsAlnum(s[wordEnd]))
            {
                wordEnd++;
            }

            var info = Lookup(next, wordEnd);
            node = info.Flags == WordFlags.None && info.Id == 0 ? -1 : trie.Next(node, info.Id);
            pos = wordEnd;
        }

        return (bestEnd, bestKind);
    }

    /// <summary>A keyword before <paramref name="start"/> on the same line, within <paramref name="window"/> characters.</summary>
    private string? SameLineBefore(int start, int window, KeywordSet keywords)
    {
        var from = Math.Max(0, start - window);
        var newline = _text.AsSpan(from, start - from).LastIndexOf('\n');
        return ContextWindow.Find(_text, newline < 0 ? from : from + newline + 1, start, keywords);
    }
}

namespace Vigil.Discovery.Recognition;

/// <summary>
/// Clinical-note names (<see cref="RecogniserOptions.NoteNames"/>): notes are typed in lower case or all capitals,
/// so capitalisation says little; names come from the user's name lists, titles and relatives in any case, and
/// staff credentials after a name ("s. roberto rrt").
/// </summary>
internal sealed partial class PhiScan
{
    private static readonly string[] DoctorTitles = ["dr", "doctor", "drs", "mr", "mrs"];

    /// <summary>Roles written before a staff member's surname in notes: "NP Wolfe", "HO Falco", "md wyman".</summary>
    private static readonly string[] NoteRoles = ["np", "ho", "md", "rabbi", "caseworker", "attending", "resident"];

    private const WordFlags NameListFlags = WordFlags.FirstName | WordFlags.LastName | WordFlags.ListedName | WordFlags.AmbiguousName;
    private const WordFlags NeverName = WordFlags.NotName | WordFlags.Title | WordFlags.Month | WordFlags.Credential
        | WordFlags.PersonTrigger | WordFlags.StreetSuffix;

    /// <summary>Names, places and credentials for the opt-in note rules; -1 when the word starts none of them.</summary>
    private int OnListedWord(int start, int end, WordInfo info)
    {
        if (_options.NoteNames && start == _personAt)
        {
            var contextEnd = TryNoteContextName(start, end, info);
            if (contextEnd > 0)
            {
                return contextEnd;
            }

            if (!IsTitleCase(start, end))
            {
                _personAt = -1; // in capitals or lower case only a listed name counts after a trigger ("PT WILL NEED")
            }
        }

        if (_options.Places && (info.Flags & WordFlags.PlaceStart) != 0)
        {
            var placeEnd = TryPlace(start, end, info);
            if (placeEnd > 0)
            {
                return placeEnd;
            }
        }

        if (_options.Places && ((info.Flags & WordFlags.HospitalSuffix) != 0
            || (end - start > 4 && _text.AsSpan(start, 4).Equals("hosp", StringComparison.OrdinalIgnoreCase))))
        {
            TryHospitalSuffix(start, end);
        }

        if (!_options.NoteNames)
        {
            return -1;
        }

        if ((info.Flags & WordFlags.Credential) != 0)
        {
            TryCredential(start);
            return -1;
        }

        if (TrySetPluralContext(start, end))
        {
            return -1;
        }

        if ((info.Flags & WordFlags.WeakTrigger) != 0 && start > 0 && _text[start - 1] == '(')
        {
            TryNameBeforeRelative(start);
        }

        var flags = info.Flags;
        if (end - start == 1 && CharClass.IsLetter(_text[start]))
        {
            return TryInitialSurname(start, end);
        }

        if ((flags & NeverName) != 0 || (flags & NameListFlags) == 0)
        {
            return -1;
        }

        if ((flags & (WordFlags.ListedName | WordFlags.LastName | WordFlags.AmbiguousName)) != 0 && (flags & WordFlags.MedicalWord) == 0
            && end - start > 2 && PreviousWordIsOneOf(start, NoteRoles))
        {
            return ReportNoteName(start, end, "context:role");
        }

        // A listed (unambiguous) first name of four letters or more on its own, a listed surname on its own only when
        // written Smith; any listed or ONS first name before a listed surname.
        var standalone = (flags & WordFlags.ListedName) != 0 && (flags & WordFlags.PhraseStart) == 0
            && (IsTitleCase(start, end) || ((flags & WordFlags.FirstName) != 0 && end - start > 3));
        // A pair needs a listed first word, or an ONS or ambiguous first name written Ann Smith.
        if (!standalone && !(((flags & WordFlags.ListedName) != 0 || IsTitleCase(start, end))
            && NextWordHas(NameEnd(start, end), WordFlags.ListedName)))
        {
            return IsCapitalisedMidSentence(start, end, flags) ? ReportNoteName(start, end, "dictionary:name-list; capitalised") : -1;
        }

        return ReportNoteName(start, end, "dictionary:name-list");
    }

    /// <summary>
    /// After "dr" (any case): a listed or unknown word; after another title: a listed name; after a relative or
    /// "patient": a listed, unambiguous name.
    /// </summary>
    private int TryNoteContextName(int start, int end, WordInfo info)
    {
        var flags = info.Flags;
        if ((flags & NeverName) != 0 || CharClass.IsDigit(_text[start]))
        {
            return -1;
        }

        var title = _personEvidence == "context:title";
        var listed = (end - start > 2 || (end - start == 2 && title && (flags & WordFlags.ListedName) != 0
                && PreviousWordIsOneOf(start, DoctorTitles))) && (title
            ? (flags & NameListFlags) != 0
            : (flags & (WordFlags.ListedName | WordFlags.FirstName)) != 0 && (flags & WordFlags.AmbiguousName) == 0);
        listed |= !title && (IsCapitalisedAfterRelative(start, end, info) || IsFirstNameBetweenCommas(start, end, info));
        var apostrophe = NameWordEnd(end) > end; // O'Rourke, o'halloran
        var unknown = ((flags == WordFlags.None && info.Id == 0 && end - start > 2) || apostrophe) && title
            && PreviousWordIsOneOf(start, DoctorTitles);
        var initial = end - start == 1 && !apostrophe && NextWordHas(NameEnd(start, end), NameListFlags);
        if (!(listed || initial || unknown))
        {
            return -1;
        }

        return ReportNoteName(start, end, _personEvidence);
    }

    /// <summary>
    /// "R. Smith RN", "dan a. forman-lyons, rrt": up to four initials and names before a credential, with at least
    /// one listed unambiguous name, or an initial with a period then an unknown word ("V. Finn, RRT").
    /// </summary>
    private void TryCredential(int credentialStart)
    {
        var s = _text;
        var pos = credentialStart;
        var nameStart = -1;
        var nameEnd = -1;
        var listed = false;
        var initial = false;
        var unknown = false;
        var named = false;
        for (var words = 0; words < 4; words++)
        {
            var p = pos;
            while (p > 0 && s[p - 1] is ' ' or ',' or '.' && pos - p < 3)
            {
                p--;
            }

            var wordEnd = p;
            while (p > 0 && (CharClass.IsLetter(s[p - 1]) || (s[p - 1] is '-' or '\'' && p - 1 > 0 && CharClass.IsLetter(s[p - 2]))))
            {
                p--;
            }

            if (p == wordEnd || p == pos || (p > 0 && CharClass.IsAlnum(s[p - 1])))
            {
                break;
            }

            if (wordEnd - p > 1 && s.AsSpan(wordEnd, pos - wordEnd).Contains('.'))
            {
                break; // "all is well. q. lander rrt": a period ends a sentence unless it follows an initial
            }

            var info = Lookup(p, wordEnd);
            var isInitial = wordEnd - p == 1 && s[wordEnd] == '.';
            var isName = (info.Flags & NameListFlags) != 0 && (info.Flags & NeverName) == 0 && wordEnd - p > 2;
            var isUnknown = info.Flags == WordFlags.None && info.Id == 0 && wordEnd - p > 2;
            if (!(isInitial || isName || isUnknown))
            {
                break;
            }

            listed |= isName && (info.Flags & WordFlags.ListedName) != 0;
            named |= isName;
            initial |= isInitial;
            unknown |= isUnknown;
            nameStart = p;
            nameEnd = nameEnd < 0 ? wordEnd : nameEnd;
            pos = p;
        }

        if (nameStart < 0 || !(listed || (initial && (unknown || named))))
        {
            return;
        }

        Add(PhiTypes.Person, TakeOverPersons(nameStart), nameEnd, 0.8, "context:credential");
    }

    /// <summary>"W. MAROTTA AWARE", "j. o'brien": an initial, a period, then a listed name or an O'/hyphenated name.</summary>
    private int TryInitialSurname(int start, int end)
    {
        var s = _text;
        var (nextStart, nextEnd) = NextLetterWord(end);
        if (nextStart == end + 1 && s[end] == ' ' && !AtLineStart(start) && (start == 0 || s[start - 1] == ' ')
            && NextWordHas(end, WordFlags.ListedName | WordFlags.LastName) && CharClass.IsUpper(s[start]) && IsAllUpper(nextStart, nextEnd))
        {
            return ReportNoteName(start, end, "pattern:initial-surname"); // "J LIPPER ORDERED"
        }

        if (end + 2 >= s.Length || s[end] != '.' || s[end + 1] != ' ' || !CharClass.IsLetter(s[end + 2])
            || (start > 0 && s[start - 1] is not (' ' or '(' or '-')) || AtLineStart(start))
        {
            return -1; // "S. NO COMPLAINTS": a note's S/O/A/P heading
        }

        var wordEnd = end + 2;
        while (wordEnd < s.Length && CharClass.IsLetter(s[wordEnd]))
        {
            wordEnd++;
        }

        var info = Lookup(end + 2, wordEnd);
        var listed = (info.Flags & (WordFlags.ListedName | WordFlags.AmbiguousName)) != 0 && wordEnd - end - 2 > 3
            && (info.Flags & (NeverName | WordFlags.MedicalWord)) == 0;
        var unknown = (wordEnd - end - 2 == 1 || (info.Flags == WordFlags.None && info.Id == 0)) && NameWordEnd(wordEnd) > wordEnd; // j. o'brien
        return listed || unknown ? ReportNoteName(end + 2, wordEnd, "pattern:initial-surname") : -1;
    }

    /// <summary>Reports the name starting at [start, end), extended over following listed names and initials.</summary>
    private int ReportNoteName(int start, int end, string evidence)
    {
        var s = _text;
        var nameEnd = NameEnd(start, end);
        var firstName = (Lookup(start, end).Flags & WordFlags.FirstName) != 0;
        for (var words = 1; words < MaxNameWords; words++)
        {
            var (next, wordEnd) = NextLetterWord(nameEnd);
            if (next < 0)
            {
                break;
            }

            var info = Lookup(next, wordEnd);
            var initial = wordEnd - next == 1 && wordEnd < s.Length && s[wordEnd] == '.';
            var surname = next == nameEnd + 1 && wordEnd - next > 3 && info.Flags == WordFlags.None && info.Id == 0
                && (IsTitleCase(next, wordEnd) ? IsTitleCase(start, end) : firstName && SameCase(start, end, next, wordEnd)); // Emily Canvan, ELENA VOSK
            if (!initial && !surname && ((info.Flags & NameListFlags) == 0 || (info.Flags & NeverName) != 0))
            {
                break;
            }

            nameEnd = NameEnd(next, wordEnd);
            firstName = (info.Flags & WordFlags.FirstName) != 0;
        }

        // An initial before the name: "k. abrams", "S. DOMINICO".
        if (start >= 3 && s[start - 1] == ' ' && s[start - 2] == '.' && CharClass.IsLetter(s[start - 3]) && CharClass.BoundaryAt(s, start - 4))
        {
            start -= 3;
        }

        _personAt = evidence.StartsWith("context:", StringComparison.Ordinal) ? NameListContinues(nameEnd) : -1;
        Add(PhiTypes.Person, start, nameEnd, 0.75, evidence);
        return nameEnd;
    }

    /// <summary>True when only spaces, tabs or '|' separate <paramref name="pos"/> from the start of its line.</summary>
    private bool AtLineStart(int pos)
    {
        while (pos > 0 && _text[pos - 1] is ' ' or '\t' or '|')
        {
            pos--;
        }

        return pos == 0 || _text[pos - 1] is '\n' or '\r';
    }

    /// <summary>A capital then lower case only: Smith (not SMITH, smith).</summary>
    private bool IsTitleCase(int start, int end)
    {
        if (!CharClass.IsUpper(_text[start]))
        {
            return false;
        }

        for (var i = start + 1; i < end; i++)
        {
            if (!CharClass.IsAsciiLower(_text[i]) && !(_text[i] > 127 && char.IsLower(_text[i])))
            {
                return false;
            }
        }

        return end - start > 1;
    }

    private int NameEnd(int start, int end) => NameWordEnd(end) is var e && e > start ? e : end;

    /// <summary>True when the word after <paramref name="end"/> (a space, or ". " after an initial) has one of <paramref name="flags"/>.</summary>
    private bool NextWordHas(int end, WordFlags flags)
    {
        var (next, wordEnd) = NextLetterWord(end);
        if (next < 0 || _text[next - 1] != ' ')
        {
            return false;
        }

        var info = Lookup(next, wordEnd);
        return (info.Flags & flags) != 0 && (info.Flags & NeverName) == 0 && wordEnd - next > 2;
    }

    /// <summary>The letters-only word after <paramref name="end"/> and one or two spaces or periods; (-1, -1) when none.</summary>
    private (int Start, int End) NextLetterWord(int end)
    {
        var s = _text;
        var next = end;
        while (next < s.Length && next - end < 2 && s[next] is ' ' or '.')
        {
            next++;
        }

        if (next == end || next >= s.Length || !CharClass.IsLetter(s[next]))
        {
            return (-1, -1);
        }

        var wordEnd = next;
        while (wordEnd < s.Length && CharClass.IsLetter(s[wordEnd]))
        {
            wordEnd++;
        }

        return (next, wordEnd);
    }
}

namespace Vigil.Discovery.Recognition;

/// <summary>Towns, hospitals and wards from the user's place and hospital lists (<see cref="RecogniserOptions.Places"/>).</summary>
internal sealed partial class PhiScan
{
    private static readonly string[] PlacePrepositions = ["in", "from", "at", "to", "near", "of", "lives", "visiting"];

    /// <summary>Before a one-word town in capitals or lower case: not "to" or "of" ("titrate to comfort").</summary>
    private static readonly string[] StrongPlacePrepositions = ["in", "from", "at", "near", "lives", "visiting"];

    /// <summary>The longest place or hospital entry starting at the word [start, end); returns its end or -1.</summary>
    private int TryPlace(int start, int end, WordInfo first)
    {
        var s = _text;
        if (!CharClass.IsUpper(s[start]) && !_options.NoteNames)
        {
            return -1;
        }

        var (bestEnd, bestKind) = LongestEntry(_vocabulary.Places, first, end, placeGaps: true);
        if (bestEnd < 0 || !CharClass.BoundaryAt(s, bestEnd))
        {
            return -1;
        }

        // One word that is also a name, or a town written in capitals or lower case, needs "in", "from", "at"...
        var oneWord = bestEnd == end;
        var needsPreposition = bestKind == PhraseKind.AmbiguousPlace
            || (oneWord && (first.Flags & NameListFlags) != 0)
            || (oneWord && bestKind == PhraseKind.Place && !IsTitleCase(start, end));
        if (oneWord && bestKind != PhraseKind.Hospital && (first.Flags & WordFlags.MedicalWord) != 0)
        {
            return -1; // "normal", "center": words of medical titles are not towns on their own
        }

        var strong = oneWord && !IsTitleCase(start, end);
        if (needsPreposition && !PreviousWordIsOneOf(start, strong ? StrongPlacePrepositions : PlacePrepositions))
        {
            return -1;
        }

        Add(PhiTypes.Location, start, bestEnd, 0.7, bestKind == PhraseKind.Hospital ? "list:hospital" : "list:place");
        return bestEnd;
    }

    /// <summary>
    /// "Calvert Hospital", "Keeley House", "mazur campus": one or two words before a hospital suffix that are not
    /// ordinary (his, the, to...) or medical vocabulary words; a name or place match just before is taken over.
    /// </summary>
    private void TryHospitalSuffix(int suffixStart, int suffixEnd)
    {
        var s = _text;
        var pos = suffixStart;
        var nameStart = -1;
        for (var words = 0; words < 2 && pos > 2 && s[pos - 1] == ' '; words++)
        {
            var wordEnd = pos - 1;
            var p = wordEnd;
            while (p > 0 && CharClass.IsLetter(s[p - 1]))
            {
                p--;
            }

            if (wordEnd - p < 2 || (p > 0 && CharClass.IsAlnum(s[p - 1])) || StaticWords.PlaceStops.Contains(s.AsSpan(p, wordEnd - p)))
            {
                break;
            }

            var info = Lookup(p, wordEnd);
            var listed = (info.Flags & (NameListFlags | WordFlags.PlaceStart)) != 0;
            var medical = info.Id != 0 && !listed;
            var verbLike = s.AsSpan(wordEnd - 2, 2).Equals("ed", StringComparison.OrdinalIgnoreCase)
                || (wordEnd - p > 4 && s.AsSpan(wordEnd - 3, 3).Equals("ing", StringComparison.OrdinalIgnoreCase));
            if (medical || (!listed && (verbLike || !CharClass.IsUpper(s[p])))
                || (info.Flags & (NeverName | WordFlags.HospitalSuffix | WordFlags.PhraseStart)) != 0)
            {
                break; // "awaiting rehab", "tolerating house diet", "she needs rehab"
            }

            nameStart = p;
            pos = p;
        }

        if (nameStart < 0)
        {
            return;
        }

        while (_results.Count > 0 && _results[^1].Start + _results[^1].Length > nameStart
            && _results[^1].Type is PhiTypes.Person or PhiTypes.Location)
        {
            nameStart = Math.Min(nameStart, _results[^1].Start);
            _results.RemoveAt(_results.Count - 1);
        }

        Add(PhiTypes.Location, nameStart, suffixEnd, 0.7, "pattern:hospital-name");
    }

    /// <summary>True when the word before <paramref name="start"/> (spaces or a period between) is one of <paramref name="words"/>.</summary>
    private bool PreviousWordIsOneOf(int start, string[] words)
    {
        var s = _text.AsSpan();
        var wordEnd = start;
        while (wordEnd > 0 && s[wordEnd - 1] is ' ' or '.' && start - wordEnd < 3)
        {
            wordEnd--;
        }

        var wordStart = wordEnd;
        while (wordStart > 0 && CharClass.IsLetter(s[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordStart == wordEnd || wordEnd == start)
        {
            return false;
        }

        var word = s[wordStart..wordEnd];
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

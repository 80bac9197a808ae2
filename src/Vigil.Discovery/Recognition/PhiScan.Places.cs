namespace Vigil.Discovery.Recognition;

/// <summary>Towns, hospitals and wards from the user's place and hospital lists (<see cref="RecogniserOptions.Places"/>).</summary>
internal sealed partial class PhiScan
{
    private static readonly string[] PlacePrepositions = ["in", "from", "at", "to", "near", "of", "lives", "visiting"];

    /// <summary>The longest place or hospital entry starting at the word [start, end); returns its end or -1.</summary>
    private int TryPlace(int start, int end, WordInfo first)
    {
        var s = _text;
        if (!CharClass.IsUpper(s[start]) && !_options.NoteNames)
        {
            return -1;
        }

        var trie = _vocabulary.Places;
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
            while (next < s.Length && next - pos < 2 && s[next] is ' ' or '.' or '-' or '\'' or '&')
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

        if (bestEnd < 0 || !CharClass.BoundaryAt(s, bestEnd)
            || (bestKind == PhraseKind.AmbiguousPlace && !PreviousWordIsOneOf(start, PlacePrepositions)))
        {
            return -1;
        }

        Add(PhiTypes.Location, start, bestEnd, 0.7, bestKind == PhraseKind.Hospital ? "list:hospital" : "list:place");
        return bestEnd;
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

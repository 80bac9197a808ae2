namespace Vigil.Discovery.Recognition;

/// <summary>
/// Names and places said again (<see cref="RecogniserOptions.NoteNames"/>, <see cref="RecogniserOptions.Places"/>):
/// once a text has named "Keeley Hospital" or "Elena Vosk" in context, "KEELEY" or "vosk" alone later in
/// the same text are the same place or person.
/// </summary>
internal sealed partial class PhiScan
{
    /// <summary>Words of this scan's names and places that are not ordinary, medical or context words.</summary>
    private const WordFlags NotRepeated = NeverName | WordFlags.MedicalWord | WordFlags.PhraseStart | WordFlags.HospitalSuffix
        | WordFlags.PlacePrefix | WordFlags.Particle | WordFlags.WeakStreetSuffix;

    /// <summary>Reports other occurrences of the distinctive words of the matches from <paramref name="first"/> on.</summary>
    private void RepeatNamesAndPlaces(int first)
    {
        var found = _results.Count;
        Dictionary<string, string>? words = null;
        for (var k = first; k < found; k++)
        {
            var m = _results[k];
            if (m.Type is not (PhiTypes.Person or PhiTypes.Location))
            {
                continue;
            }

            var pos = m.Start;
            var end = m.Start + m.Length;
            while (pos < end)
            {
                var wordEnd = pos;
                while (wordEnd < end && CharClass.IsLetter(_text[wordEnd]))
                {
                    wordEnd++;
                }

                var info = Lookup(pos, wordEnd);
                if (wordEnd - pos >= 3 && (info.Flags & NotRepeated) == 0 && info.Month == 0
                    && ((info.Flags & (WordFlags.ListedName | WordFlags.PlaceStart)) != 0
                        || (m.Type == PhiTypes.Location && info.Flags == WordFlags.None && info.Id == 0)))
                {
                    words ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    words.TryAdd(_text[pos..wordEnd], m.Type);
                }

                pos = wordEnd + 1;
            }
        }

        if (words is null)
        {
            return;
        }

        AddRepeats(first, found, words.GetAlternateLookup<ReadOnlySpan<char>>());
    }

    private void AddRepeats(int first, int found, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> words)
    {
        var s = _text;
        var next = first;
        var i = 0;
        while (i < s.Length)
        {
            if (!CharClass.IsLetter(s[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && CharClass.IsAlnum(s[i]))
            {
                i++;
            }

            while (next < found && _results[next].Start + _results[next].Length <= start)
            {
                next++;
            }

            var letters = i;
            while (letters > start && CharClass.IsDigit(s[letters - 1]))
            {
                letters--; // "LINDELL3": a ward and its bed number
            }

            var covered = next < found && _results[next].Start < i;
            if (!covered && (start == 0 || s[start - 1] is not ('\'' or '-')) && words.TryGetValue(s.AsSpan(start, letters - start), out var type))
            {
                Add(type, start, i, 0.6, "context:same-text");
            }
        }

        if (_results.Count > found)
        {
            _results.Sort(first, _results.Count - first, MatchOrder.Instance);
        }
    }

    private sealed class MatchOrder : IComparer<PhiMatch>
    {
        public static readonly MatchOrder Instance = new();

        public int Compare(PhiMatch x, PhiMatch y) => x.Start.CompareTo(y.Start);
    }
}

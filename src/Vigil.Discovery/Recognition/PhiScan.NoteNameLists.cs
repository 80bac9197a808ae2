using System.Collections.Frozen;

namespace Vigil.Discovery.Recognition;

/// <summary>
/// Clinical-note name rules for several names at once (<see cref="RecogniserOptions.NoteNames"/>): "DRS LIPPER AND
/// LANDER", "Sons Oskar, Karl and Jon"; and a listed name capitalised in the middle of lower-case text.
/// </summary>
internal sealed partial class PhiScan
{
    /// <summary>
    /// Plural titles (true) and relatives (false): the names after them come as a list; and relatives the shared
    /// trigger list leaves out. One look-up per word.
    /// </summary>
    private static readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> NoteTriggers =
        new (string Word, bool Title)[]
        {
            ("drs", true), ("doctors", true), ("sons", false), ("daughters", false), ("brothers", false), ("sisters", false),
            ("parents", false), ("children", false), ("grandsons", false), ("granddaughters", false), ("grandchildren", false),
            ("nieces", false), ("nephews", false), ("friends", false), ("dtrs", false), ("dtr", false), ("girlfriend", false),
            ("boyfriend", false), ("fiance", false), ("fiancee", false), ("aunt", false), ("uncle", false), ("cousin", false),
            ("aunts", false), ("uncles", false), ("cousins", false), ("stepson", false), ("stepdaughter", false),
            ("grandaughter", false),
        }.ToFrozenDictionary(static w => w.Word, static w => w.Title, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>After "drs" or "sons" (any case) the next word is in context, as after "dr" or "son".</summary>
    private bool TrySetPluralContext(int start, int end)
    {
        if (end - start < 3 || end - start > 14 || !NoteTriggers.TryGetValue(_text.AsSpan(start, end - start), out var title))
        {
            return false;
        }

        var pos = end;
        while (pos < _text.Length && pos - end < 3 && _text[pos] is ' ' or ':' or ',' or '.')
        {
            pos++;
        }

        _personAt = pos;
        _personUpper = IsAllUpper(start, end);
        _personWeak = !title;
        _personEvidence = title ? "context:title" : "context:relative";
        return true;
    }

    /// <summary>
    /// "Son, Al, was updated", "Sons Oskar, Karl": a word written Smith right after a relative (only spaces or a
    /// comma between), not a medical, medicine or place word.
    /// </summary>
    private bool IsCapitalisedAfterRelative(int start, int end, WordInfo info)
    {
        var s = _text;
        var p = start;
        while (p > 0 && start - p < 3 && s[p - 1] is ' ' or ',')
        {
            p--;
        }

        return IsTitleCase(start, end) && p < start && p > 0 && CharClass.IsLetter(s[p - 1])
            && Array.IndexOf(RelativeEvidence, _personEvidence) >= 0
            && (info.Flags & (WordFlags.MedicalWord | WordFlags.PhraseStart | WordFlags.PlaceStart)) == 0
            && (info.Id == 0 || (info.Flags & NameListFlags) != 0);
    }

    /// <summary>"wife, ivy, left": a first name between commas right after a relative, in any case.</summary>
    private bool IsFirstNameBetweenCommas(int start, int end, WordInfo info)
    {
        var s = _text;
        return end - start > 2 && start > 2 && s[start - 1] == ' ' && s[start - 2] == ',' && end < s.Length && s[end] is ',' or ')'
            && (info.Flags & WordFlags.FirstName) != 0 && CharClass.IsLetter(s[start - 3])
            && (info.Flags & (NeverName | WordFlags.MedicalWord | WordFlags.PhraseStart)) == 0
            && Array.IndexOf(RelativeEvidence, _personEvidence) >= 0;
    }

    /// <summary>"ELENA VOSK (DAUGHTER)": one or two name-like words right before a relative in parentheses.</summary>
    private void TryNameBeforeRelative(int relativeStart)
    {
        var s = _text;
        var pos = relativeStart - 1;
        var nameStart = -1;
        var nameEnd = -1;
        for (var words = 0; words < 2; words++)
        {
            var p = pos;
            while (p > 0 && pos - p < 2 && s[p - 1] == ' ')
            {
                p--;
            }

            var wordEnd = p;
            while (p > 0 && CharClass.IsLetter(s[p - 1]))
            {
                p--;
            }

            var info = Lookup(p, wordEnd);
            if (wordEnd - p < 2 || (p > 0 && CharClass.IsAlnum(s[p - 1]))
                || (info.Flags & (NeverName | WordFlags.MedicalWord | WordFlags.PhraseStart)) != 0
                || (info.Id != 0 && (info.Flags & NameListFlags) == 0) || !(IsTitleCase(p, wordEnd) || IsAllUpper(p, wordEnd)))
            {
                break;
            }

            nameStart = p;
            nameEnd = nameEnd < 0 ? wordEnd : nameEnd;
            pos = p;
        }

        if (nameStart < 0)
        {
            return;
        }

        Add(PhiTypes.Person, TakeOverPersons(nameStart), nameEnd, 0.7, "context:relative-after");
    }

    private static readonly string[] RelativeEvidence =
    [
        "context:relative", "context:husband", "context:wife", "context:son", "context:daughter", "context:mother",
        "context:father", "context:brother", "context:sister", "context:partner", "context:friend", "context:niece",
        "context:nephew", "context:granddaughter", "context:grandson",
    ];

    /// <summary>Both words in capitals, or both in lower case.</summary>
    private bool SameCase(int start, int end, int otherStart, int otherEnd) =>
        IsAllUpper(start, end) ? IsAllUpper(otherStart, otherEnd) : IsAllLower(start, end) && IsAllLower(otherStart, otherEnd);

    private bool IsAllLower(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!CharClass.IsAsciiLower(_text[i]))
            {
                return false;
            }
        }

        return end > start;
    }

    /// <summary>Removes the person matches that reach past <paramref name="nameStart"/>; returns the earliest start.</summary>
    private int TakeOverPersons(int nameStart)
    {
        while (_results.Count > 0 && _results[^1].Start + _results[^1].Length > nameStart && _results[^1].Type == PhiTypes.Person)
        {
            nameStart = Math.Min(nameStart, _results[^1].Start);
            _results.RemoveAt(_results.Count - 1);
        }

        return nameStart;
    }

    private bool IsWordAt(int start, int end, string[] words)
    {
        var word = _text.AsSpan(start, end - start);
        foreach (var w in words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// After a name found in context: where the next name of a list starts (", " or " and " or " &amp; " between),
    /// so that it is in the same context; -1 when no list follows.
    /// </summary>
    private int NameListContinues(int nameEnd)
    {
        var s = _text;
        var pos = nameEnd;
        var comma = pos < s.Length && s[pos] == ',';
        pos = SkipSpaces(comma ? pos + 1 : pos, 2);
        var conjunction = pos + 4 <= s.Length && s.AsSpan(pos, 4).Equals("and ", StringComparison.OrdinalIgnoreCase) ? 4
            : pos + 2 <= s.Length && s.AsSpan(pos, 2) is "& " ? 2 : 0;
        pos = SkipSpaces(pos + conjunction, 2);
        return (comma || conjunction > 0) && pos < s.Length && CharClass.IsLetter(s[pos]) ? pos : -1;
    }

    /// <summary>
    /// "her psych docter Brown phoned": a word on a name list, written Smith after a lower-case word on the same
    /// line: in lower-case notes a capital in mid-sentence marks a name.
    /// </summary>
    private bool IsCapitalisedMidSentence(int start, int end, WordFlags flags)
    {
        var s = _text;
        if (!IsTitleCase(start, end) || end - start < 3 || (flags & (WordFlags.LastName | WordFlags.ListedName)) == 0
            || (flags & (NeverName | WordFlags.MedicalWord | WordFlags.PhraseStart)) != 0
            || start < 2 || s[start - 1] != ' ' || !CharClass.IsAsciiLower(s[start - 2]))
        {
            return false;
        }

        var (wordStart, wordEnd) = WordBefore(start);
        return wordEnd - wordStart >= 2 && CharClass.IsAsciiLower(s[wordStart]);
    }
}

namespace Vigil.Discovery.Recognition;

/// <summary>
/// A small list of context keywords (at most 32, ASCII, each starting with a letter), matched case-insensitively
/// where a word starts. Keywords are bucketed by first letter, so a window is searched in one pass: at each word
/// start only the keywords beginning with that letter are compared. The answer is the same as searching for each
/// keyword in list order: the first keyword of the list that occurs in the window.
/// </summary>
internal sealed class KeywordSet
{
    private readonly string[] _keywords;
    private readonly int[][] _byFirstLetter = new int[26][];

    public KeywordSet(params string[] keywords)
    {
        if (keywords.Length > 32)
        {
            throw new ArgumentException("at most 32 keywords", nameof(keywords));
        }

        _keywords = keywords;
        for (var letter = 0; letter < 26; letter++)
        {
            var first = (char)('a' + letter);
            _byFirstLetter[letter] = [.. Enumerable.Range(0, keywords.Length).Where(k => char.ToLowerInvariant(keywords[k][0]) == first)];
        }

        if (_byFirstLetter.Sum(static b => b.Length) != keywords.Length)
        {
            throw new ArgumentException("every keyword must start with an ASCII letter", nameof(keywords));
        }
    }

    /// <summary>The keywords in priority order.</summary>
    public IReadOnlyList<string> Keywords => _keywords;

    /// <summary>The first keyword (in list order) that starts at a word boundary in [from, to) and ends by to, or null.</summary>
    public string? Find(ReadOnlySpan<char> text, int from, int to) => Find(text, from, to, wholeWords: false);

    /// <summary>As <see cref="Find(ReadOnlySpan{char}, int, int)"/>, but no letter may follow the keyword ("ps", not "psych").</summary>
    public string? FindWord(ReadOnlySpan<char> text, int from, int to) => Find(text, from, to, wholeWords: true);

    private string? Find(ReadOnlySpan<char> text, int from, int to, bool wholeWords)
    {
        var found = 0u;
        for (var p = from; p < to; p++)
        {
            var letter = (text[p] | 0x20) - 'a';
            if ((uint)letter >= 26 || !CharClass.BoundaryAt(text, p - 1))
            {
                continue;
            }

            foreach (var k in _byFirstLetter[letter])
            {
                var keyword = _keywords[k];
                if (p + keyword.Length <= to && text.Slice(p, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase)
                    && !(wholeWords && p + keyword.Length < text.Length && CharClass.IsLetter(text[p + keyword.Length])))
                {
                    found |= 1u << k;
                }
            }
        }

        return found == 0 ? null : _keywords[System.Numerics.BitOperations.TrailingZeroCount(found)];
    }
}

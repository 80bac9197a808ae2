namespace Vigil.Discovery.Recognition;

/// <summary>Looks for context keywords in the characters before a candidate (Presidio/Purview-style window).</summary>
internal static class ContextWindow
{
    /// <summary>The first keyword found (case-insensitive, starting at a word boundary) in [pos-window, pos), or null.</summary>
    public static string? FindBefore(ReadOnlySpan<char> text, int pos, int window, ReadOnlySpan<string> keywords)
    {
        var from = Math.Max(0, pos - window);
        return Find(text, from, pos, keywords);
    }

    /// <summary>The first keyword found in [from, to), or null.</summary>
    public static string? Find(ReadOnlySpan<char> text, int from, int to, ReadOnlySpan<string> keywords)
    {
        if (to <= from)
        {
            return null;
        }

        var slice = text[from..to];
        foreach (var keyword in keywords)
        {
            var offset = 0;
            while (offset < slice.Length)
            {
                var at = slice[offset..].IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                var absolute = from + offset + at;
                if (CharClass.BoundaryAt(text, absolute - 1))
                {
                    return keyword;
                }

                offset += at + 1;
            }
        }

        return null;
    }
}

namespace Vigil.Discovery.Recognition;

/// <summary>Looks for context keywords in the characters before a candidate (Presidio/Purview-style window).</summary>
internal static class ContextWindow
{
    /// <summary>The first keyword found (case-insensitive, starting at a word boundary) in [pos-window, pos), or null.</summary>
    public static string? FindBefore(ReadOnlySpan<char> text, int pos, int window, KeywordSet keywords) =>
        keywords.Find(text, Math.Max(0, pos - window), pos);

    /// <summary>The first keyword found in [from, to), or null.</summary>
    public static string? Find(ReadOnlySpan<char> text, int from, int to, KeywordSet keywords) => keywords.Find(text, from, to);
}

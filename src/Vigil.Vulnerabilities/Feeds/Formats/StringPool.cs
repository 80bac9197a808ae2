namespace Vigil.Vulnerabilities.Feeds.Formats;

/// <summary>
/// Shares equal strings read from a feed (ecosystems, package names, fixed versions repeat thousands of times in a
/// distribution's OSV database), so that what a read returns holds each once. One pool per read; not thread-safe.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="text"/> (null stays null).</summary>
    public string? Share(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_strings.TryGetValue(text, out var shared))
        {
            return shared;
        }

        _strings[text] = text;
        return text;
    }
}

namespace Vigil.Discovery.Recognition;

/// <summary>
/// A user-supplied list of names or places: a UTF-8 text file, one entry per line, compared case-insensitively;
/// blank lines and lines starting with <c>#</c> are skipped; an entry may hold several words (<c>Bel Air</c>,
/// <c>Good Samaritan Hospital</c>). Read at run time and never shipped: the user points Vigil at their own lists
/// (a national gazetteer, a staff list, the site's hospital and ward names).
/// </summary>
/// <param name="Kind">What the entries are.</param>
/// <param name="Path">The file.</param>
public sealed record PhiWordList(PhiWordListKind Kind, string Path)
{
    private static readonly (string Name, PhiWordListKind Kind)[] KindNames =
    [
        ("first-names", PhiWordListKind.FirstNames),
        ("last-names", PhiWordListKind.LastNames),
        ("ambiguous-names", PhiWordListKind.AmbiguousNames),
        ("places", PhiWordListKind.Places),
        ("ambiguous-places", PhiWordListKind.AmbiguousPlaces),
        ("hospitals", PhiWordListKind.Hospitals),
    ];

    /// <summary>The command-line names of the kinds, in order: first-names, last-names, ambiguous-names, places, ...</summary>
    public static IReadOnlyList<string> KindKeywords { get; } = [.. KindNames.Select(static k => k.Name)];

    /// <summary>
    /// Parses <c>KIND=PATH</c> (e.g. <c>last-names=/srv/lists/surnames.txt</c>). Returns null and a reason when the
    /// kind is unknown or the path is empty; whether the file exists is checked when it is loaded.
    /// </summary>
    /// <param name="value">The option value.</param>
    /// <param name="reason">Why the value was rejected (names the kind, never the file content).</param>
    /// <returns>The list, or null.</returns>
    public static PhiWordList? Parse(string value, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(value);
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            reason = "expected KIND=PATH, KIND one of " + string.Join(", ", KindKeywords);
            return null;
        }

        var name = value[..equals].Trim();
        foreach (var (keyword, kind) in KindNames)
        {
            if (name.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                reason = null;
                return new PhiWordList(kind, value[(equals + 1)..]);
            }
        }

        reason = $"unknown list kind '{name}', expected one of " + string.Join(", ", KindKeywords);
        return null;
    }
}

using System.Collections.Frozen;

namespace Vigil.Detection.Prefilter;

/// <summary>
/// The prefilter literals of one field, by where they must stand: whole values in a hash set, prefixes and suffixes
/// in tries walked from either end, and substrings in a <see cref="GramScanner"/>, the only one that reads the whole
/// value. Most Sigma literals are anchored (<c>Image|endswith</c> is the commonest), so most fields are never scanned.
/// </summary>
internal sealed class FieldIndex
{
    private readonly FrozenDictionary<string, int[]>? _whole;
    private readonly AnchoredTrie? _prefix;
    private readonly AnchoredTrie? _suffix;
    private readonly GramScanner? _grams;
    // Bit n set: some whole-value literal has n characters (bit 63: 63 or more), so most values skip the hash lookup.
    private readonly ulong _wholeLengths;

    public FieldIndex(IReadOnlyList<(string Literal, AtomKind Kind, int Payload)> atoms)
    {
        var whole = atoms.Where(static a => a.Kind == AtomKind.Whole).ToList();
        if (whole.Count > 0)
        {
            _whole = whole.GroupBy(static a => a.Literal, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(static g => g.Key, static g => g.Select(static a => a.Payload).Distinct().ToArray(), StringComparer.OrdinalIgnoreCase);
            foreach (var (literal, _, _) in whole)
            {
                _wholeLengths |= 1UL << Math.Min(literal.Length, 63);
            }
        }

        var prefix = atoms.Where(static a => a.Kind == AtomKind.Prefix).Select(static a => (a.Literal, a.Payload)).ToList();
        _prefix = prefix.Count > 0 ? new AnchoredTrie(prefix, fromEnd: false) : null;
        var suffix = atoms.Where(static a => a.Kind == AtomKind.Suffix).Select(static a => (a.Literal, a.Payload)).ToList();
        _suffix = suffix.Count > 0 ? new AnchoredTrie(suffix, fromEnd: true) : null;
        var substring = atoms.Where(static a => a.Kind == AtomKind.Substring).Select(static a => (a.Literal, a.Payload)).ToList();
        _grams = substring.Count > 0 ? new GramScanner(substring) : null;
        Shortest = atoms.Count == 0 ? 0 : atoms.Min(static a => a.Literal.Length);
    }

    /// <summary>
    /// The length of the shortest literal, whatever its kind: a shorter value can hold none of them (the comparisons
    /// fold case character by character, so lengths never change).
    /// </summary>
    public int Shortest { get; }

    public void Scan(string value, CandidateSet sink)
    {
        if ((_wholeLengths & (1UL << Math.Min(value.Length, 63))) != 0 && _whole!.TryGetValue(value, out var payloads))
        {
            foreach (var p in payloads)
            {
                sink.Hit(p);
            }
        }

        _prefix?.Walk(value, sink);
        _suffix?.Walk(value, sink);
        _grams?.Scan(value, sink);
    }
}

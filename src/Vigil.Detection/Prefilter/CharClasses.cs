using System.Collections.Frozen;

namespace Vigil.Detection.Prefilter;

/// <summary>
/// Maps characters to small class numbers for one automaton: one class per distinct upper-cased ASCII character its
/// patterns use, one class shared by every non-ASCII character they use, class 0 for everything else. Upper and lower
/// case of a letter share a class. Sharing a class can only make the automaton match more text, never less, so it
/// stays a sound prefilter while its alphabet stays small (homoglyph and emoji rules list hundreds of characters).
/// </summary>
internal sealed class CharClasses
{
    /// <summary>Every UTF-16 unit by its upper-case form, computed once per process rather than once per automaton.</summary>
    private static readonly Lazy<ILookup<char, char>> Folds = new(static () =>
        Enumerable.Range(0, char.MaxValue + 1).Select(static c => (char)c).ToLookup(char.ToUpperInvariant));

    private readonly ushort[] _ascii = new ushort[128];
    private readonly FrozenDictionary<char, ushort> _other;

    public CharClasses(IEnumerable<string> patterns)
    {
        var classOf = new Dictionary<char, ushort>();
        ushort next = 1;
        ushort? nonAscii = null;
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern)
            {
                var folded = char.ToUpperInvariant(c);
                if (classOf.ContainsKey(folded))
                {
                    continue;
                }

                classOf[folded] = folded < 128 ? next++ : nonAscii ??= next++;
            }
        }

        var other = new Dictionary<char, ushort>();
        foreach (var (folded, cls) in classOf)
        {
            foreach (var c in Folds.Value[folded])
            {
                if (c < 128)
                {
                    _ascii[c] = cls;
                }
                else
                {
                    other[c] = cls;
                }
            }
        }

        _other = other.ToFrozenDictionary();
        Count = next;
    }

    public int Count { get; }

    public int Of(char c) => c < 128 ? _ascii[c] : _other.GetValueOrDefault(c);

    /// <summary>The ASCII table, for the scan loop's fast path.</summary>
    public ushort[] Ascii => _ascii;
}

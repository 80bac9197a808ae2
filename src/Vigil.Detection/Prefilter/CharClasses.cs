namespace Vigil.Detection.Prefilter;

/// <summary>
/// Maps every UTF-16 code unit to a small class number: one class per distinct upper-cased character used by some
/// pattern, class 0 for everything else. Upper and lower case of a letter share a class.
/// </summary>
internal sealed class CharClasses
{
    public CharClasses(IEnumerable<string> patterns)
    {
        var classOf = new Dictionary<char, ushort>();
        foreach (var pattern in patterns)
        {
            foreach (var c in pattern)
            {
                var folded = char.ToUpperInvariant(c);
                if (!classOf.ContainsKey(folded))
                {
                    classOf[folded] = (ushort)(classOf.Count + 1);
                }
            }
        }

        Map = new ushort[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (classOf.TryGetValue(char.ToUpperInvariant((char)c), out var cls))
            {
                Map[c] = cls;
            }
        }

        Count = classOf.Count + 1;
    }

    public ushort[] Map { get; }

    public int Count { get; }

    public int Of(char c) => Map[c];
}

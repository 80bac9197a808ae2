namespace Vigil.Vulnerabilities.Versions;

/// <summary>Compares two parsed Maven versions (item chains over their texts) by ComparableVersion's rules.</summary>
internal readonly ref struct MavenComparer(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
{
    private readonly ReadOnlySpan<char> _left = left;
    private readonly ReadOnlySpan<char> _right = right;

    /// <summary>Compares two lists element by element; a missing element is "null".</summary>
    /// <remarks>
    /// Iterative: a nested list is always its parent's last element, so comparing two nested lists decides the
    /// parents and the loop simply descends (no recursion, so deep nesting in hostile input cannot overflow the stack).
    /// </remarks>
    public int CompareLists(ReadOnlySpan<MavenItem> a, ReadOnlySpan<MavenItem> b)
    {
        while (!a.IsEmpty || !b.IsEmpty)
        {
            if (!a.IsEmpty && !b.IsEmpty && a[0].Kind == MavenItemKind.List && b[0].Kind == MavenItemKind.List)
            {
                a = a[1..];
                b = b[1..];
                continue;
            }

            var result = a.IsEmpty ? -CompareToNull(_right, b)
                : b.IsEmpty ? CompareToNull(_left, a)
                : CompareScalars(a[0], b[0]);
            if (result != 0)
            {
                return result;
            }

            // A nested list compared with null was the last element of its list: nothing follows it.
            a = a.IsEmpty || a[0].Kind == MavenItemKind.List ? [] : a[1..];
            b = b.IsEmpty || b[0].Kind == MavenItemKind.List ? [] : b[1..];
        }

        return 0;
    }

    private int CompareScalars(MavenItem x, MavenItem y)
    {
        if (x.Kind != y.Kind)
        {
            // number > list > qualifier
            return Weight(x.Kind) > Weight(y.Kind) ? 1 : -1;
        }

        return x.Kind == MavenItemKind.Number
            ? Digits.CompareNumeric(_left.Slice(x.Start, x.Length), _right.Slice(y.Start, y.Length))
            : CompareQualifiers(x, y);
    }

    private static int Weight(MavenItemKind kind) => kind switch
    {
        MavenItemKind.Number => 2,
        MavenItemKind.List => 1,
        _ => 0,
    };

    private int CompareQualifiers(MavenItem x, MavenItem y)
    {
        if (x.Rank != y.Rank)
        {
            return x.Rank < y.Rank ? -1 : 1;
        }

        if (x.Rank != MavenItem.UnknownRank)
        {
            return 0;
        }

        var a = _left.Slice(x.Start, x.Length);
        var b = _right.Slice(y.Start, y.Length);
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var ca = char.ToLowerInvariant(a[i]);
            var cb = char.ToLowerInvariant(b[i]);
            if (ca != cb)
            {
                return ca < cb ? -1 : 1;
            }
        }

        return a.Length == b.Length ? 0 : a.Length < b.Length ? -1 : 1;
    }

    /// <summary>How an element compares with a missing one (Maven's <c>compareTo(null)</c>).</summary>
    /// <remarks>A list compares with null by its first element that is not null itself (Maven 3.8, MNG-6964).</remarks>
    private static int CompareToNull(ReadOnlySpan<char> text, ReadOnlySpan<MavenItem> items)
    {
        var single = items[0].Kind != MavenItemKind.List;
        foreach (var item in single ? items[..1] : items[1..])
        {
            var result = item.Kind switch
            {
                MavenItemKind.Number => text.Slice(item.Start, item.Length).IndexOfAnyExcept('0') < 0 ? 0 : 1,
                MavenItemKind.Qualifier => Math.Sign(item.Rank - MavenItem.ReleaseRank),
                _ => 0,
            };
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }
}

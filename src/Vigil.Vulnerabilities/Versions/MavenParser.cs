namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Splits a Maven version into <see cref="MavenItem"/>s, flat: items after a <see cref="MavenItemKind.List"/> marker
/// belong to that nested list. A nested list is always the last element of its parent, so the tree is a chain.
/// </summary>
internal static class MavenParser
{
    /// <summary>Fills <paramref name="items"/> (at least 2 × length + 2 long) and returns how many were written.</summary>
    public static int Parse(ReadOnlySpan<char> text, Span<MavenItem> items)
    {
        var count = 0;
        var isDigit = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '.' or '-')
            {
                // An empty item ("1..2", "1--2", "-1") counts as 0.
                items[count++] = i == start ? new MavenItem(MavenItemKind.Number, i, 0, 0) : Item(text, isDigit, start, i, false);
                start = i + 1;
                if (c == '-')
                {
                    items[count++] = new MavenItem(MavenItemKind.List, i, 0, 0);
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (!isDigit && i > start)
                {
                    items[count++] = Item(text, false, start, i, followedByDigit: true);
                    items[count++] = new MavenItem(MavenItemKind.List, i, 0, 0);
                    start = i;
                }

                isDigit = true;
            }
            else
            {
                if (isDigit && i > start)
                {
                    items[count++] = Item(text, true, start, i, false);
                    items[count++] = new MavenItem(MavenItemKind.List, i, 0, 0);
                    start = i;
                }

                isDigit = false;
            }
        }

        if (text.Length > start)
        {
            items[count++] = Item(text, isDigit, start, text.Length, false);
        }

        return Normalize(text, items[..count]);
    }

    /// <summary>Drops trailing null items (0, release qualifiers) of every list, then trailing empty lists.</summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<MavenItem> items)
    {
        var write = 0;
        var levelStart = 0;
        foreach (var item in items)
        {
            if (item.Kind == MavenItemKind.List)
            {
                write = TrimNulls(text, items, levelStart, write);
                items[write++] = item;
                levelStart = write;
            }
            else
            {
                items[write++] = item;
            }
        }

        write = TrimNulls(text, items, levelStart, write);
        while (write > 0 && items[write - 1].Kind == MavenItemKind.List)
        {
            // The list became empty, so it is null too; its parent's trailing nulls are already gone.
            write--;
        }

        return write;
    }

    private static int TrimNulls(ReadOnlySpan<char> text, Span<MavenItem> items, int levelStart, int end)
    {
        while (end > levelStart && IsNull(text, items[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsNull(ReadOnlySpan<char> text, MavenItem item) => item.Kind switch
    {
        MavenItemKind.Number => text.Slice(item.Start, item.Length).IndexOfAnyExcept('0') < 0,
        MavenItemKind.Qualifier => item.Rank == MavenItem.ReleaseRank,
        _ => false,
    };

    private static MavenItem Item(ReadOnlySpan<char> text, bool isDigit, int start, int end, bool followedByDigit)
    {
        if (isDigit)
        {
            return new MavenItem(MavenItemKind.Number, start, end - start, 0);
        }

        var word = text[start..end];
        var rank = followedByDigit && word.Length == 1
            ? char.ToLowerInvariant(word[0]) switch { 'a' => 0, 'b' => 1, 'm' => 2, _ => Rank(word) }
            : Rank(word);
        return new MavenItem(MavenItemKind.Qualifier, start, end - start, rank);
    }

    private static int Rank(ReadOnlySpan<char> word) =>
        Is(word, "alpha") ? 0
        : Is(word, "beta") ? 1
        : Is(word, "milestone") ? 2
        : Is(word, "rc") || Is(word, "cr") ? 3
        : Is(word, "snapshot") ? 4
        : Is(word, "ga") || Is(word, "final") || Is(word, "release") ? MavenItem.ReleaseRank
        : Is(word, "sp") ? 6
        : MavenItem.UnknownRank;

    private static bool Is(ReadOnlySpan<char> word, string known) => word.Equals(known, StringComparison.OrdinalIgnoreCase);
}

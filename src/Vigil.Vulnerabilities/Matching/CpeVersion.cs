namespace Vigil.Vulnerabilities.Matching;

/// <summary>
/// Orders the version strings of NVD CPE bounds, which follow no one scheme: runs of digits compare as numbers, runs of
/// letters compare ordinally ignoring case, separators only split; where one string runs out, the longer one is later
/// (<c>1.9.5</c> &lt; <c>1.9.5p1</c>).
/// </summary>
internal static class CpeVersion
{
    public static int Compare(string left, string right)
    {
        int i = 0, j = 0;
        while (true)
        {
            var a = Next(left, ref i);
            var b = Next(right, ref j);
            if (a.IsEmpty || b.IsEmpty)
            {
                return a.IsEmpty && b.IsEmpty ? 0 : a.IsEmpty ? -1 : 1;
            }

            var aDigits = char.IsAsciiDigit(a[0]);
            var bDigits = char.IsAsciiDigit(b[0]);
            int order;
            if (aDigits && bDigits)
            {
                a = a.TrimStart('0');
                b = b.TrimStart('0');
                order = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
            }
            else if (aDigits != bDigits)
            {
                order = aDigits ? 1 : -1;
            }
            else
            {
                order = string.Compare(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
            }

            if (order != 0)
            {
                return Math.Sign(order);
            }
        }
    }

    /// <summary>The next run of digits or of letters, skipping separators.</summary>
    private static ReadOnlySpan<char> Next(string text, ref int position)
    {
        while (position < text.Length && !char.IsAsciiLetterOrDigit(text[position]))
        {
            position++;
        }

        var start = position;
        if (position < text.Length)
        {
            var digits = char.IsAsciiDigit(text[position]);
            while (position < text.Length && char.IsAsciiLetterOrDigit(text[position]) && char.IsAsciiDigit(text[position]) == digits)
            {
                position++;
            }
        }

        return text.AsSpan(start, position - start);
    }
}

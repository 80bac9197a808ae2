namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// RPM <c>[epoch:]version[-release]</c> strings, ordered as rpm orders them: the epoch (missing = 0), then the
/// version, then the release, each with <c>rpmvercmp</c>.
/// </summary>
/// <remarks>
/// The string is split as rpm's EVR parser splits it: an epoch only when the text starts with digits followed by
/// <c>:</c> (so <c>a:1</c> is a version), the release after the last <c>-</c>. A missing release orders before any
/// release, even an empty one (<c>1</c> &lt; <c>1-</c>). rpmvercmp: characters other than ASCII letters, digits,
/// <c>~</c> and <c>^</c> separate segments; <c>~</c> sorts before everything, even the end; <c>^</c> sorts after the
/// end but before any further segment; digit segments compare numerically and beat letter segments.
/// </remarks>
internal sealed class RpmVersionScheme : IVersionScheme
{
    public string Name => "rpm";

    public bool IsValid(string version, out string? reason)
    {
        var text = version.AsSpan().Trim();
        reason = text.IsEmpty ? "version is empty"
            : text.ContainsAny(" \t\r\n") ? "version contains whitespace"
            : !text.ContainsAnyInRange('0', '9') && !ContainsAsciiLetter(text) ? "version has no letter or digit"
            : null;
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        Split(left.AsSpan().Trim(), out var epochA, out var versionA, out var releaseA, out var hasReleaseA);
        Split(right.AsSpan().Trim(), out var epochB, out var versionB, out var releaseB, out var hasReleaseB);
        var result = VerCmp(epochA, epochB);
        if (result == 0)
        {
            result = VerCmp(versionA, versionB);
        }

        if (result == 0 && (hasReleaseA || hasReleaseB))
        {
            result = !hasReleaseA ? -1 : !hasReleaseB ? 1 : VerCmp(releaseA, releaseB);
        }

        return result;
    }

    private static bool ContainsAsciiLetter(ReadOnlySpan<char> text) =>
        text.ContainsAnyInRange('a', 'z') || text.ContainsAnyInRange('A', 'Z');

    private static void Split(
        ReadOnlySpan<char> text,
        out ReadOnlySpan<char> epoch,
        out ReadOnlySpan<char> version,
        out ReadOnlySpan<char> release,
        out bool hasRelease)
    {
        var digits = Digits.LeadingDigits(text);
        var rest = text;
        epoch = "0";
        if (digits < text.Length && text[digits] == ':')
        {
            epoch = digits == 0 ? "0" : text[..digits];
            rest = text[(digits + 1)..];
        }

        var dash = rest.LastIndexOf('-');
        hasRelease = dash >= 0;
        version = hasRelease ? rest[..dash] : rest;
        release = hasRelease ? rest[(dash + 1)..] : [];
    }

    private static bool IsSegmentChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '~' or '^';

    /// <summary>rpmvercmp: segment-wise comparison of one version or release string.</summary>
    internal static int VerCmp(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
        {
            return 0;
        }

        while (!a.IsEmpty || !b.IsEmpty)
        {
            a = SkipSeparators(a);
            b = SkipSeparators(b);
            var headA = a.IsEmpty ? '\0' : a[0];
            var headB = b.IsEmpty ? '\0' : b[0];
            if (headA == '~' || headB == '~')
            {
                if (headA != '~')
                {
                    return 1;
                }

                if (headB != '~')
                {
                    return -1;
                }

                a = a[1..];
                b = b[1..];
                continue;
            }

            if (headA == '^' || headB == '^')
            {
                if (a.IsEmpty)
                {
                    return -1;
                }

                if (b.IsEmpty)
                {
                    return 1;
                }

                if (headA != '^')
                {
                    return 1;
                }

                if (headB != '^')
                {
                    return -1;
                }

                a = a[1..];
                b = b[1..];
                continue;
            }

            if (a.IsEmpty || b.IsEmpty)
            {
                break;
            }

            var numeric = char.IsAsciiDigit(headA);
            var lengthA = SegmentLength(a, numeric);
            var lengthB = SegmentLength(b, numeric);
            if (lengthB == 0)
            {
                // A digit segment is newer than a letter segment.
                return numeric ? 1 : -1;
            }

            var result = numeric
                ? Digits.CompareNumeric(a[..lengthA], b[..lengthB])
                : Math.Sign(a[..lengthA].SequenceCompareTo(b[..lengthB]));
            if (result != 0)
            {
                return result;
            }

            a = a[lengthA..];
            b = b[lengthB..];
        }

        return a.IsEmpty && b.IsEmpty ? 0 : a.IsEmpty ? -1 : 1;
    }

    private static ReadOnlySpan<char> SkipSeparators(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !IsSegmentChar(text[i]))
        {
            i++;
        }

        return text[i..];
    }

    private static int SegmentLength(ReadOnlySpan<char> text, bool numeric)
    {
        var i = 0;
        while (i < text.Length && (numeric ? char.IsAsciiDigit(text[i]) : char.IsAsciiLetter(text[i])))
        {
            i++;
        }

        return i;
    }
}

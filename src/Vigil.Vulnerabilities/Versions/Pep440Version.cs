namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// A PEP 440 version split into its parts (spans over the original text), read by <see cref="TryParse"/>.
/// </summary>
/// <remarks>
/// The grammar is PEP 440's permissive form (the one <c>packaging</c> accepts, any case, with normalisation):
/// <c>[v][N!]N(.N)*[{a|b|c|rc|alpha|beta|pre|preview}[N]][-N | {post|rev|r}[N]][dev[N]][+local]</c>, where
/// <c>-</c>, <c>_</c> or <c>.</c> may separate the pre, post and dev parts from what precedes them and from their
/// numbers, and a missing number means 0.
/// </remarks>
internal readonly ref struct Pep440Version
{
    /// <summary>Pre-release kind: 1 = a, 2 = b, 3 = rc; 0 = none.</summary>
    public int PreKind { get; init; }

    public ReadOnlySpan<char> Epoch { get; init; }

    public ReadOnlySpan<char> Release { get; init; }

    public ReadOnlySpan<char> PreNumber { get; init; }

    public bool HasPost { get; init; }

    public ReadOnlySpan<char> PostNumber { get; init; }

    public bool HasDev { get; init; }

    public ReadOnlySpan<char> DevNumber { get; init; }

    public bool HasLocal { get; init; }

    public ReadOnlySpan<char> Local { get; init; }

    public static bool TryParse(ReadOnlySpan<char> text, out Pep440Version version)
    {
        version = default;
        var s = text.Trim();
        var i = 0;
        if (i < s.Length && s[i] is 'v' or 'V')
        {
            i++;
        }

        ReadOnlySpan<char> epoch = [];
        var n = Digits.LeadingDigits(s[i..]);
        if (n > 0 && i + n < s.Length && s[i + n] == '!')
        {
            epoch = s.Slice(i, n);
            i += n + 1;
        }

        var releaseStart = i;
        if (!ReadNumber(s, ref i))
        {
            return false;
        }

        while (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            ReadNumber(s, ref i);
        }

        var release = s[releaseStart..i];
        var preKind = 0;
        ReadOnlySpan<char> preNumber = [];
        var j = SkipSeparator(s, i);
        if (MatchWord(s, j, out var preLength, "preview", "alpha", "beta", "pre", "rc", "a", "b", "c") is { } pre)
        {
            preKind = pre switch { "alpha" or "a" => 1, "beta" or "b" => 2, _ => 3 };
            i = ReadOptionalNumber(s, j + preLength, out preNumber);
        }

        var hasPost = false;
        ReadOnlySpan<char> postNumber = [];
        if (i + 1 < s.Length && s[i] == '-' && char.IsAsciiDigit(s[i + 1]))
        {
            hasPost = true;
            i++;
            var start = i;
            ReadNumber(s, ref i);
            postNumber = s[start..i];
        }
        else if (MatchWord(s, SkipSeparator(s, i), out var postLength, "post", "rev", "r") is not null)
        {
            hasPost = true;
            i = ReadOptionalNumber(s, SkipSeparator(s, i) + postLength, out postNumber);
        }

        var hasDev = false;
        ReadOnlySpan<char> devNumber = [];
        if (MatchWord(s, SkipSeparator(s, i), out var devLength, "dev") is not null)
        {
            hasDev = true;
            i = ReadOptionalNumber(s, SkipSeparator(s, i) + devLength, out devNumber);
        }

        ReadOnlySpan<char> local = [];
        var hasLocal = false;
        if (i < s.Length && s[i] == '+')
        {
            local = s[(i + 1)..];
            if (!ValidLocal(local))
            {
                return false;
            }

            hasLocal = true;
            i = s.Length;
        }

        if (i != s.Length)
        {
            return false;
        }

        version = new Pep440Version
        {
            Epoch = epoch,
            Release = release,
            PreKind = preKind,
            PreNumber = preNumber,
            HasPost = hasPost,
            PostNumber = postNumber,
            HasDev = hasDev,
            DevNumber = devNumber,
            HasLocal = hasLocal,
            Local = local,
        };
        return true;
    }

    private static bool ValidLocal(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || IsSeparator(local[0]) || IsSeparator(local[^1]))
        {
            return false;
        }

        for (var k = 0; k < local.Length; k++)
        {
            var c = local[k];
            if (IsSeparator(c) ? IsSeparator(local[k - 1]) : !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '-' or '_' or '.';

    private static int SkipSeparator(ReadOnlySpan<char> s, int i) => i < s.Length && IsSeparator(s[i]) ? i + 1 : i;

    private static bool ReadNumber(ReadOnlySpan<char> s, ref int i)
    {
        var n = Digits.LeadingDigits(s[i..]);
        i += n;
        return n > 0;
    }

    /// <summary>After a pre/post/dev word: an optional separator, then optional digits.</summary>
    private static int ReadOptionalNumber(ReadOnlySpan<char> s, int i, out ReadOnlySpan<char> number)
    {
        var j = SkipSeparator(s, i);
        var n = Digits.LeadingDigits(s[j..]);
        number = s.Slice(j, n);
        return j + n;
    }

    private static string? MatchWord(ReadOnlySpan<char> s, int i, out int length, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (s[i..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                length = word.Length;
                return word;
            }
        }

        length = 0;
        return null;
    }
}

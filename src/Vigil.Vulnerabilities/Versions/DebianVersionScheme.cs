namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// Debian package versions as dpkg orders them (<c>[epoch:]upstream[-revision]</c>, deb-version(7)).
/// </summary>
/// <remarks>
/// Compare follows dpkg's <c>verrevcmp</c>: non-digit runs compare character by character with <c>~</c> before the
/// end of the string, the end before letters, letters before other characters; digit runs compare numerically.
/// Invalid text (see <see cref="IsValid"/>) is still compared by the same rules, so the order stays total.
/// </remarks>
internal sealed class DebianVersionScheme : IVersionScheme
{
    public string Name => "deb";

    public bool IsValid(string version, out string? reason)
    {
        var text = version.AsSpan().Trim();
        reason = Validate(text);
        return reason is null;
    }

    public int Compare(string left, string right)
    {
        Split(left.AsSpan().Trim(), out var epochA, out var upstreamA, out var revisionA);
        Split(right.AsSpan().Trim(), out var epochB, out var upstreamB, out var revisionB);
        var epoch = Digits.CompareNumeric(epochA, epochB);
        if (epoch != 0)
        {
            return epoch;
        }

        var upstream = VerRevCompare(upstreamA, upstreamB);
        return upstream != 0 ? upstream : VerRevCompare(revisionA, revisionB);
    }

    private static string? Validate(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "version is empty";
        }

        if (text.ContainsAny(" \t\r\n"))
        {
            return "version contains whitespace";
        }

        var colon = text.IndexOf(':');
        if (colon == 0)
        {
            return "epoch is empty";
        }

        if (colon > 0 && !Digits.AllDigits(text[..colon]))
        {
            return "epoch is not a number";
        }

        Split(text, out _, out var upstream, out var revision);
        var dash = text.LastIndexOf('-');
        if (upstream.IsEmpty)
        {
            return "upstream version is empty";
        }

        if (dash >= 0 && revision.IsEmpty)
        {
            return "revision is empty";
        }

        if (!char.IsAsciiDigit(upstream[0]))
        {
            return "upstream version does not start with a digit";
        }

        foreach (var c in upstream)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~' or '-' or ':'))
            {
                return "upstream version has a character dpkg does not allow";
            }
        }

        foreach (var c in revision)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '+' or '~'))
            {
                return "revision has a character dpkg does not allow";
            }
        }

        return null;
    }

    /// <summary>Epoch before the first colon (empty = 0), revision after the last hyphen (empty = none).</summary>
    private static void Split(
        ReadOnlySpan<char> text,
        out ReadOnlySpan<char> epoch,
        out ReadOnlySpan<char> upstream,
        out ReadOnlySpan<char> revision)
    {
        var colon = text.IndexOf(':');
        epoch = colon > 0 ? text[..colon] : [];
        if (!Digits.AllDigits(epoch))
        {
            // dpkg rejects a non-numeric epoch; ordering it as 0 keeps Compare total for invalid input.
            epoch = [];
        }

        var rest = colon >= 0 ? text[(colon + 1)..] : text;
        var dash = rest.LastIndexOf('-');
        upstream = dash >= 0 ? rest[..dash] : rest;
        revision = dash >= 0 ? rest[(dash + 1)..] : [];
    }

    /// <summary>dpkg's verrevcmp: alternating non-digit and digit runs.</summary>
    internal static int VerRevCompare(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ac = Order(a, i);
                var bc = Order(b, j);
                if (ac != bc)
                {
                    return ac < bc ? -1 : 1;
                }

                i++;
                j++;
            }

            var da = Digits.LeadingDigits(a[i..]);
            var db = Digits.LeadingDigits(b[j..]);
            var numeric = Digits.CompareNumeric(a.Slice(i, da), b.Slice(j, db));
            if (numeric != 0)
            {
                return numeric;
            }

            i += da;
            j += db;
        }

        return 0;
    }

    /// <summary>Weight of the character at <paramref name="index"/>: ~ &lt; end/digit &lt; letters &lt; others.</summary>
    private static int Order(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return 0;
        }

        var c = text[index];
        return c switch
        {
            _ when char.IsAsciiDigit(c) => 0,
            _ when char.IsAsciiLetter(c) => c,
            '~' => -1,
            _ => c + 256,
        };
    }
}

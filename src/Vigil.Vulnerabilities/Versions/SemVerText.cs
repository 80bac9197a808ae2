namespace Vigil.Vulnerabilities.Versions;

/// <summary>Span-level parsing and comparison shared by the SemVer and NuGet schemes.</summary>
internal static class SemVerText
{
    /// <summary>Trims whitespace and one leading <c>v</c>/<c>V</c>.</summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]) ? text[1..] : text;
    }

    /// <summary>Null when <paramref name="text"/> is strict SemVer 2.0, else the reason.</summary>
    public static string? Validate(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return "version is empty";
        }

        var plus = text.IndexOf('+');
        var build = plus >= 0 ? text[(plus + 1)..] : [];
        var main = plus >= 0 ? text[..plus] : text;
        var dash = main.IndexOf('-');
        var core = dash >= 0 ? main[..dash] : main;
        var count = 0;
        foreach (var range in core.Split('.'))
        {
            count++;
            var part = core[range];
            if (!Digits.AllDigits(part))
            {
                return "version core part is not a number";
            }

            if (part.Length > 1 && part[0] == '0')
            {
                return "version core part has a leading zero";
            }
        }

        if (count != 3)
        {
            return "version core does not have three parts";
        }

        return dash >= 0 && ValidateIdentifiers(main[(dash + 1)..], numericLeadingZeroAllowed: false) is { } pre
            ? "prerelease " + pre
            : plus >= 0 && ValidateIdentifiers(build, numericLeadingZeroAllowed: true) is { } meta
            ? "build metadata " + meta
            : null;
    }

    private static string? ValidateIdentifiers(ReadOnlySpan<char> text, bool numericLeadingZeroAllowed)
    {
        foreach (var range in text.Split('.'))
        {
            var id = text[range];
            if (id.IsEmpty)
            {
                return "has an empty identifier";
            }

            foreach (var c in id)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return "has a character outside [0-9A-Za-z-]";
                }
            }

            if (!numericLeadingZeroAllowed && id.Length > 1 && id[0] == '0' && Digits.AllDigits(id))
            {
                return "has a numeric identifier with a leading zero";
            }
        }

        return null;
    }

    /// <summary>
    /// Splits off build metadata and returns the numeric core (dotted digits) and the prerelease text (empty when
    /// none); false when the core is not one or more dot-separated digit runs.
    /// </summary>
    public static bool TryReadCore(ReadOnlySpan<char> text, out ReadOnlySpan<char> core, out ReadOnlySpan<char> prerelease)
    {
        var plus = text.IndexOf('+');
        var main = plus >= 0 ? text[..plus] : text;
        var dash = main.IndexOf('-');
        core = dash >= 0 ? main[..dash] : main;
        prerelease = dash >= 0 ? main[(dash + 1)..] : [];
        if (core.IsEmpty || core[0] == '.' || core[^1] == '.' || core.IndexOf("..") >= 0)
        {
            return false;
        }

        return !core.ContainsAnyExcept("0123456789.");
    }

    /// <summary>Compares dotted numeric cores part by part (missing = 0), looking at most at <paramref name="parts"/>.</summary>
    public static int CompareCore(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int parts)
    {
        for (var i = 0; i < parts && (!a.IsEmpty || !b.IsEmpty); i++)
        {
            var result = Digits.CompareNumeric(Next(ref a), Next(ref b));
            if (result != 0)
            {
                return result;
            }
        }

        return 0;
    }

    /// <summary>SemVer prerelease precedence; empty (no prerelease) ranks above any prerelease.</summary>
    public static int ComparePrerelease(ReadOnlySpan<char> a, ReadOnlySpan<char> b, bool ignoreCase)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty == b.IsEmpty ? 0 : a.IsEmpty ? 1 : -1;
        }

        while (!a.IsEmpty && !b.IsEmpty)
        {
            var idA = Next(ref a);
            var idB = Next(ref b);
            var numA = Digits.AllDigits(idA);
            var numB = Digits.AllDigits(idB);
            var result = numA && numB ? Digits.CompareNumeric(idA, idB)
                : numA != numB ? (numA ? -1 : 1)
                : ignoreCase ? Math.Sign(CompareIgnoreCase(idA, idB))
                : Math.Sign(idA.SequenceCompareTo(idB));
            if (result != 0)
            {
                return result;
            }
        }

        return a.IsEmpty == b.IsEmpty ? 0 : a.IsEmpty ? -1 : 1;
    }

    private static int CompareIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            var ca = char.ToUpperInvariant(a[i]);
            var cb = char.ToUpperInvariant(b[i]);
            if (ca != cb)
            {
                return ca - cb;
            }
        }

        return a.Length - b.Length;
    }

    private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> text)
    {
        var dot = text.IndexOf('.');
        var part = dot < 0 ? text : text[..dot];
        text = dot < 0 ? [] : text[(dot + 1)..];
        return part;
    }
}

namespace Vigil.Vulnerabilities.Versions;

/// <summary>
/// The ordering <c>packaging</c> (before 22.0) gave versions that are not PEP 440 ("LegacyVersion"), which
/// setuptools-era PyPI releases still carry.
/// </summary>
/// <remarks>
/// The lower-cased text splits into digit runs, letter runs, <c>.</c>, <c>-</c> and runs of anything else;
/// <c>pre</c>, <c>preview</c>, <c>rc</c> become <c>c</c>, <c>dev</c> becomes <c>@</c>, <c>-</c> becomes
/// <c>final-</c>; dots vanish. Numbers are zero-padded to 8 digits, words get a <c>*</c> prefix, a final
/// <c>*final</c> is appended; before a word that sorts below <c>*final</c> trailing <c>*final-</c> parts are
/// dropped, and before every word trailing <c>00000000</c> parts. The resulting tuples compare as strings.
/// </remarks>
internal static class LegacyPythonVersion
{
    public static int Compare(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var a = Key(left);
        var b = Key(right);
        var n = Math.Min(a.Count, b.Count);
        for (var i = 0; i < n; i++)
        {
            var result = string.CompareOrdinal(a[i], b[i]);
            if (result != 0)
            {
                return Math.Sign(result);
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    // Legacy versions are rare in practice, so this slow path builds strings like packaging did.
    private static List<string> Key(ReadOnlySpan<char> version)
    {
        var text = version.ToString().ToLowerInvariant();
        var parts = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetterLower(c))
            {
                while (i < text.Length && char.IsAsciiLetterLower(text[i]))
                {
                    i++;
                }
            }
            else if (c is '.' or '-')
            {
                i++;
            }
            else
            {
                while (i < text.Length && !char.IsAsciiDigit(text[i]) && !char.IsAsciiLetterLower(text[i]) && text[i] is not ('.' or '-'))
                {
                    i++;
                }
            }

            Add(parts, text[start..i]);
        }

        Add(parts, null);
        return parts;
    }

    private static void Add(List<string> parts, string? raw)
    {
        var part = raw switch
        {
            null => "*final",
            "pre" or "preview" or "rc" => "*c",
            "dev" => "*@",
            "-" => "*final-",
            "." => null,
            _ when char.IsAsciiDigit(raw[0]) => raw.PadLeft(8, '0'),
            _ => "*" + raw,
        };
        if (part is null)
        {
            return;
        }

        if (part[0] == '*')
        {
            if (string.CompareOrdinal(part, "*final") < 0)
            {
                while (parts.Count > 0 && parts[^1] == "*final-")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }

            while (parts.Count > 0 && parts[^1] == "00000000")
            {
                parts.RemoveAt(parts.Count - 1);
            }
        }

        parts.Add(part);
    }
}

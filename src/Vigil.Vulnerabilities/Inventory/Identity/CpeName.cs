using System.Text;

namespace Vigil.Vulnerabilities.Inventory.Identity;

/// <summary>Builds and checks CPE 2.3 formatted strings (NISTIR 7695, section 6.2).</summary>
internal static class CpeName
{
    /// <summary><c>cpe:2.3:a:vendor:product:version:*:*:*:*:*:*:*</c>, each part lower-cased, spaces as <c>_</c>, specials escaped.</summary>
    public static string Application(string vendor, string product, string version) =>
        $"cpe:2.3:a:{Part(vendor)}:{Part(product)}:{Part(version)}:*:*:*:*:*:*:*";

    /// <summary>Whether the text is a CPE 2.3 formatted string with its 13 parts.</summary>
    public static bool IsFormatted(string text)
    {
        if (!text.StartsWith("cpe:2.3:", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ':')
            {
                parts++;
            }
        }

        return parts == 13;
    }

    private static string Part(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return "*";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                builder.Append('_');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' || c > 127)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }

        return builder.ToString();
    }
}

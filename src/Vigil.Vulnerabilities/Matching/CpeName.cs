namespace Vigil.Vulnerabilities.Matching;

/// <summary>The parts of a CPE 2.3 formatted string matching needs: vendor and product, version and update.</summary>
/// <param name="Product"><c>vendor:product</c>, lower-cased.</param>
/// <param name="Version">The version component (<c>*</c> any, <c>-</c> not applicable).</param>
/// <param name="Update">The update component (<c>patch1</c>, <c>cumulative_update_19</c>, <c>*</c>, <c>-</c>).</param>
internal readonly record struct CpeName(string Product, string Version, string Update)
{
    /// <summary>Reads <c>cpe:2.3:part:vendor:product:version:update:...</c>; a backslash escapes the next character.</summary>
    public static bool TryParse(string? text, out CpeName name)
    {
        name = default;
        if (text is null || !text.StartsWith("cpe:2.3:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = new List<string>(13);
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (c == ':')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        if (parts.Count < 6 || parts[3].Length == 0 || parts[4].Length == 0)
        {
            return false;
        }

        name = new CpeName(
            (parts[3] + ":" + parts[4]).ToLowerInvariant(),
            parts[5].Length == 0 ? "*" : parts[5],
            parts.Count > 6 && parts[6].Length > 0 ? parts[6].ToLowerInvariant() : "*");
        return true;
    }

    /// <summary>Whether a component is <c>*</c> (any) or <c>-</c> (not applicable).</summary>
    public static bool IsAny(string value) => value is "*" or "-";
}

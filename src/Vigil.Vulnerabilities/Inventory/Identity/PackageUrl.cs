namespace Vigil.Vulnerabilities.Inventory.Identity;

/// <summary>A parsed package URL (<c>pkg:type/namespace/name@version?qualifiers#subpath</c>), per the purl specification.</summary>
internal sealed record PackageUrl(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers)
{
    /// <summary>The purl, or null with the reason it is not one.</summary>
    public static PackageUrl? Parse(string text, out string? reason)
    {
        reason = null;
        var rest = text.Trim();
        if (!rest.StartsWith("pkg:", StringComparison.OrdinalIgnoreCase))
        {
            reason = "does not start with pkg:";
            return null;
        }

        rest = rest[4..].TrimStart('/');
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            rest = rest[..hash];
        }

        var qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            foreach (var pair in rest[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    qualifiers[pair[..equals].ToLowerInvariant()] = Uri.UnescapeDataString(pair[(equals + 1)..]);
                }
            }

            rest = rest[..question];
        }

        var segments = rest.TrimEnd('/').Split('/');
        if (segments.Length < 2 || segments[0].Length == 0 || !segments[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-'))
        {
            reason = "has no type and name";
            return null;
        }

        var last = segments[^1];
        string? version = null;
        var at = last.LastIndexOf('@');
        if (at >= 0)
        {
            version = Uri.UnescapeDataString(last[(at + 1)..]);
            last = last[..at];
        }

        var name = Uri.UnescapeDataString(last);
        if (name.Length == 0)
        {
            reason = "has an empty name";
            return null;
        }

        var space = segments.Length > 2 ? string.Join('/', segments[1..^1].Select(Uri.UnescapeDataString)) : null;
        return new PackageUrl(segments[0].ToLowerInvariant(), space, name, string.IsNullOrEmpty(version) ? null : version, qualifiers);
    }

    /// <summary>A qualifier's value, or null.</summary>
    public string? Qualifier(string key) => Qualifiers.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}

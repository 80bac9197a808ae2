namespace Vigil.Vulnerabilities.Inventory.Identity;

/// <summary>
/// Maps a package URL to what OSV matches on: the ecosystem (with the distribution release where the purl gives one),
/// the package name as that ecosystem spells it, and the version.
/// </summary>
/// <remarks>
/// Distribution packages are named by their source package (OSV Debian, Ubuntu and Alpine advisories name source
/// packages): the <c>source</c>, <c>upstream</c> (Syft; may carry <c>name@version</c>) or <c>origin</c> qualifier.
/// RPM purls keep the binary name (AlmaLinux and Rocky advisories name binary packages) and put the <c>epoch</c>
/// qualifier in front of the version. Go versions lose their leading <c>v</c> (OSV's Go ecosystem has none).
/// </remarks>
internal static class PurlEcosystem
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.Ordinal)
    {
        ["npm"] = "npm",
        ["pypi"] = "PyPI",
        ["maven"] = "Maven",
        ["nuget"] = "NuGet",
        ["golang"] = "Go",
        ["cargo"] = "crates.io",
        ["gem"] = "RubyGems",
        ["composer"] = "Packagist",
        ["hex"] = "Hex",
        ["pub"] = "Pub",
        ["hackage"] = "Hackage",
        ["cran"] = "CRAN",
        ["conan"] = "ConanCenter",
        ["swift"] = "SwiftURL",
        ["bitnami"] = "Bitnami",
        ["julia"] = "Julia",
        ["opam"] = "opam",
    };

    /// <summary>The mapping, or null with the reason the purl cannot be matched.</summary>
    public static (string Ecosystem, string Name, string Version)? Map(PackageUrl purl, string? defaultDistro, out string? reason)
    {
        reason = null;
        if (purl.Version is null)
        {
            reason = "the purl has no version";
            return null;
        }

        switch (purl.Type)
        {
            case "deb" or "apk":
                return Distro(purl, defaultDistro, out reason);
            case "rpm":
                var epoch = purl.Qualifier("epoch");
                var rpm = Distro(purl, defaultDistro, out reason);
                return rpm is { } r ? (r.Ecosystem, purl.Name, epoch is null or "0" ? purl.Version : $"{epoch}:{purl.Version}") : null;
        }

        if (!Languages.TryGetValue(purl.Type, out var ecosystem))
        {
            reason = $"no OSV ecosystem for purl type '{purl.Type}'";
            return null;
        }

        var name = purl.Type switch
        {
            "maven" when purl.Namespace is not null => $"{purl.Namespace}:{purl.Name}",
            "npm" or "golang" or "composer" or "swift" when purl.Namespace is not null => $"{purl.Namespace}/{purl.Name}",
            _ => purl.Name,
        };
        var version = purl.Type == "golang" && purl.Version.StartsWith('v') ? purl.Version[1..] : purl.Version;
        return (ecosystem, name, version);
    }

    private static (string Ecosystem, string Name, string Version)? Distro(PackageUrl purl, string? defaultDistro, out string? reason)
    {
        reason = null;
        var ecosystem = purl.Namespace is null ? null : DistroNames.Ecosystem(purl.Namespace, purl.Qualifier("distro"));
        if (ecosystem is null)
        {
            // The namespace is free text from the inventory: say which part failed, not what it holds.
            reason = $"no OSV ecosystem for purl type '{purl.Type}' with this namespace";
            return null;
        }

        if (defaultDistro is not null && !ecosystem.Contains(':', StringComparison.Ordinal) && defaultDistro.StartsWith(ecosystem + ":", StringComparison.Ordinal))
        {
            ecosystem = defaultDistro;
        }

        var source = purl.Qualifier("source") ?? purl.Qualifier("upstream") ?? purl.Qualifier("origin");
        var name = purl.Name;
        var version = purl.Version!;
        if (source is not null)
        {
            var at = source.IndexOf('@', StringComparison.Ordinal);
            name = at > 0 ? source[..at] : source;
            version = at > 0 && at < source.Length - 1 ? source[(at + 1)..] : version;
        }

        return (ecosystem, name, version);
    }
}

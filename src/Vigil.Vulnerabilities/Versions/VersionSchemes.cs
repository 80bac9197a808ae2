using System.Collections.Frozen;

namespace Vigil.Vulnerabilities.Versions;

/// <summary>The version schemes Vigil implements, and which one an OSV ecosystem uses.</summary>
/// <remarks>Every scheme is a stateless singleton, safe to share between threads. See docs/versions.md.</remarks>
public static class VersionSchemes
{
    /// <summary>Debian/Ubuntu package versions, ordered as dpkg orders them.</summary>
    public static IVersionScheme Deb { get; } = new DebianVersionScheme();

    /// <summary>RPM EVR versions (epoch, version, release), ordered by rpmvercmp with tildes and carets.</summary>
    public static IVersionScheme Rpm { get; } = new RpmVersionScheme();

    /// <summary>Semantic Versioning 2.0.0 precedence (build metadata ignored).</summary>
    public static IVersionScheme SemVer { get; } = new SemVerScheme();

    /// <summary>NuGet versions: up to four numeric parts, case-insensitive SemVer 2.0 prerelease labels.</summary>
    public static IVersionScheme NuGet { get; } = new NuGetVersionScheme();

    /// <summary>Maven versions as Maven's ComparableVersion orders them.</summary>
    public static IVersionScheme Maven { get; } = new MavenVersionScheme();

    /// <summary>Python package versions per PEP 440 (with the legacy fallback of older <c>packaging</c>).</summary>
    public static IVersionScheme Pypi { get; } = new PypiVersionScheme();

    /// <summary>Dotted numeric build numbers (Windows file versions, Exchange builds such as <c>15.1.2176.9</c>).</summary>
    public static IVersionScheme Build { get; } = new BuildNumberScheme();

    private static readonly FrozenDictionary<string, IVersionScheme> ByEcosystem =
        new Dictionary<string, IVersionScheme>(StringComparer.OrdinalIgnoreCase)
        {
            ["Debian"] = Deb,
            ["Ubuntu"] = Deb,
            ["AlmaLinux"] = Rpm,
            ["Rocky Linux"] = Rpm,
            ["Red Hat"] = Rpm,
            ["openSUSE"] = Rpm,
            ["SUSE"] = Rpm,
            ["Mageia"] = Rpm,
            ["openEuler"] = Rpm,
            ["Photon OS"] = Rpm,
            ["Azure Linux"] = Rpm,
            ["npm"] = SemVer,
            ["Go"] = SemVer,
            ["crates.io"] = SemVer,
            ["Hex"] = SemVer,
            ["SwiftURL"] = SemVer,
            ["NuGet"] = NuGet,
            ["Maven"] = Maven,
            ["PyPI"] = Pypi,
            ["Exchange"] = Build,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The scheme that orders versions of the OSV ecosystem <paramref name="osvEcosystem"/> (<c>Debian:12</c>,
    /// <c>AlmaLinux:9</c>, <c>Ubuntu:Pro:18.04:LTS</c>, <c>npm</c>, <c>Exchange</c>); null when Vigil has none.
    /// </summary>
    /// <remarks>
    /// The part after the first colon (release, CPE or repository suffix) is ignored; names match without case.
    /// Null for ecosystems whose ordering is not implemented, among them RubyGems, Packagist and Pub (each has
    /// rules of its own that SemVer would get wrong), Alpine, CRAN and Hackage: callers report those as
    /// unsupported rather than guess.
    /// </remarks>
    public static IVersionScheme? ForEcosystem(string osvEcosystem)
    {
        ArgumentNullException.ThrowIfNull(osvEcosystem);
        var name = osvEcosystem.AsSpan();
        var colon = name.IndexOf(':');
        if (colon >= 0)
        {
            name = name[..colon];
        }

        var lookup = ByEcosystem.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name.Trim(), out var scheme) ? scheme : null;
    }
}

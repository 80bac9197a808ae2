namespace Vigil.Vulnerabilities.Matching;

/// <summary>Ecosystem strings: the base (<c>Debian</c>) and the release (<c>12</c>) of <c>Debian:12</c>, and name folding.</summary>
internal static class Ecosystems
{
    /// <summary>Software known by vendor and product only, matched through NVD CPE configurations.</summary>
    public const string Cpe = "cpe";

    /// <summary>A Microsoft Exchange server known by its build number.</summary>
    public const string Exchange = "Exchange";

    public static (string Base, string? Release) Split(string ecosystem)
    {
        var colon = ecosystem.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (ecosystem, null) : (ecosystem[..colon], ecosystem[(colon + 1)..]);
    }

    /// <summary>
    /// The index key of a package: base ecosystem and name, case-folded; PyPI names also fold <c>_</c> and <c>.</c>
    /// to <c>-</c> (PEP 503 normalisation).
    /// </summary>
    public static string Key(string baseEcosystem, string name)
    {
        var folded = name.Trim().ToLowerInvariant();
        if (baseEcosystem.Equals("PyPI", StringComparison.OrdinalIgnoreCase))
        {
            folded = folded.Replace('_', '-').Replace('.', '-');
        }

        return baseEcosystem.ToLowerInvariant() + "\u001f" + folded;
    }

    /// <summary>Whether an advisory for <paramref name="advisoryRelease"/> applies to a component of <paramref name="componentRelease"/>.</summary>
    /// <remarks>
    /// Either side without a release matches every release: a component whose release is unknown is checked against
    /// every release's advisories (reporting too much rather than missing a vulnerability), and an advisory without a
    /// release applies to all of them.
    /// </remarks>
    public static bool ReleaseMatches(string? componentRelease, string? advisoryRelease) =>
        componentRelease is null || advisoryRelease is null || componentRelease.Equals(advisoryRelease, StringComparison.OrdinalIgnoreCase);

    /// <summary>Go module versions are written <c>v1.2.3</c> in inventories and <c>1.2.3</c> in OSV.</summary>
    public static string NormaliseVersion(string baseEcosystem, string version) =>
        baseEcosystem.Equals("Go", StringComparison.OrdinalIgnoreCase) && version.Length > 1 && version[0] == 'v' && char.IsAsciiDigit(version[1])
            ? version[1..]
            : version;
}

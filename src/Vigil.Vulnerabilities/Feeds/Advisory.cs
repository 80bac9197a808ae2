namespace Vigil.Vulnerabilities.Feeds;

/// <summary>One OSV advisory (or an advisory of the same shape made from another source).</summary>
/// <param name="Id">The advisory id (<c>ALSA-2023:1234</c>, <c>GHSA-...</c>, <c>DSA-...</c>, <c>CVE-...</c>).</param>
/// <param name="Aliases">Other ids for the same vulnerability, CVEs among them (OSV <c>aliases</c> and <c>upstream</c>).</param>
/// <param name="Summary">A one-line summary, or null.</param>
/// <param name="CvssScore">CVSS base score (highest given), or null.</param>
/// <param name="Severity">The advisory's own severity word (<c>critical</c>, <c>important</c>, ...) lower-cased, or null.</param>
/// <param name="Published">When published, or null.</param>
/// <param name="Affected">The packages it affects.</param>
public sealed record Advisory(
    string Id,
    IReadOnlyList<string> Aliases,
    string? Summary,
    double? CvssScore,
    string? Severity,
    DateTimeOffset? Published,
    IReadOnlyList<AffectedPackage> Affected);

namespace Vigil.Vulnerabilities.Feeds;

/// <summary>One NVD CVE API 2.0 record: scores and the CPE configurations that say what is vulnerable.</summary>
/// <param name="CveId">The CVE id.</param>
/// <param name="Description">The English description, or null.</param>
/// <param name="CvssScore">The highest CVSS base score given (v3.1, v3.0, then v2), or null.</param>
/// <param name="CvssSeverity">That score's severity word lower-cased, or null.</param>
/// <param name="Published">When published, or null.</param>
/// <param name="Configurations">The configurations; a product is vulnerable when any configuration is satisfied.</param>
public sealed record NvdRecord(
    string CveId,
    string? Description,
    double? CvssScore,
    string? CvssSeverity,
    DateTimeOffset? Published,
    IReadOnlyList<CpeConfiguration> Configurations);

/// <summary>A configuration: its nodes joined by <see cref="Operator"/> (<c>OR</c> or <c>AND</c>, e.g. app AND running-on OS).</summary>
public sealed record CpeConfiguration(string Operator, bool Negate, IReadOnlyList<CpeNode> Nodes);

/// <summary>A node: its CPE matches joined by <see cref="Operator"/>, optionally negated.</summary>
public sealed record CpeNode(string Operator, bool Negate, IReadOnlyList<CpeMatch> Matches);

/// <summary>One CPE match criterion with its optional version bounds.</summary>
public sealed record CpeMatch(
    string Criteria,
    bool Vulnerable,
    string? VersionStartIncluding,
    string? VersionStartExcluding,
    string? VersionEndIncluding,
    string? VersionEndExcluding);

namespace Vigil.Vulnerabilities.Matching;

/// <summary>One vulnerable package on one asset: what is installed, which advisory says so, and how urgent it is.</summary>
/// <param name="Asset">The host or application.</param>
/// <param name="Package">The package (or product) name.</param>
/// <param name="Version">The installed version, as the inventory recorded it.</param>
/// <param name="Ecosystem">The component's ecosystem (<c>AlmaLinux:9</c>, <c>npm</c>, <c>cpe</c>, <c>Exchange</c>).</param>
/// <param name="Advisory">The advisory id (OSV id, or the CVE for NVD and Exchange findings).</param>
/// <param name="Aliases">Other ids of the same vulnerability (CVEs among them).</param>
/// <param name="FixedVersion">The first version without it on this line, or null when none is known.</param>
/// <param name="Cvss">The CVSS base score (the advisory's own, else NVD's for a CVE alias), or null.</param>
/// <param name="Severity"><c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>unknown</c>.</param>
/// <param name="Kev">Whether CISA's KEV catalogue lists it (actively exploited).</param>
/// <param name="KevDueDate">KEV's due date, or null.</param>
/// <param name="KnownRansomware">Whether KEV says ransomware campaigns use it.</param>
/// <param name="Epss">The EPSS probability, or null when no score was imported.</param>
/// <param name="EpssPercentile">The EPSS percentile, or null.</param>
/// <param name="Priority">The ordering number (higher first); see <see cref="Priority.PriorityModel"/>.</param>
/// <param name="Source"><c>osv</c>, <c>nvd</c> or <c>exchange</c>: which matcher found it.</param>
/// <param name="Criticality">The asset's criticality, or null.</param>
/// <param name="HoldsPatientData">Whether the asset holds patient data.</param>
public sealed record Finding(
    string Asset,
    string Package,
    string Version,
    string Ecosystem,
    string Advisory,
    IReadOnlyList<string> Aliases,
    string? FixedVersion,
    double? Cvss,
    string Severity,
    bool Kev,
    DateOnly? KevDueDate,
    bool KnownRansomware,
    double? Epss,
    double? EpssPercentile,
    double Priority,
    string Source,
    string? Criticality,
    bool HoldsPatientData)
{
    /// <summary>What identifies the finding across scans: asset, ecosystem, package and advisory (not the version).</summary>
    /// <remarks>An upgrade to another still-affected version is the same finding, so its first-seen date is kept.</remarks>
    public string Key => string.Join('\u001f', Asset, Ecosystem, Package, Advisory);
}

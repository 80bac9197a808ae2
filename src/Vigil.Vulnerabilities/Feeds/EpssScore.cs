namespace Vigil.Vulnerabilities.Feeds;

/// <summary>FIRST's EPSS probability of exploitation in the next 30 days, and its percentile, for one CVE on one date.</summary>
/// <remarks><see cref="Percentile"/> is null for EPSS v1 scores (before 2021-09-01), which were published without one.</remarks>
public sealed record EpssScore(string CveId, double Score, double? Percentile, DateOnly? Date);

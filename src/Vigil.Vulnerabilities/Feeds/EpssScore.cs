namespace Vigil.Vulnerabilities.Feeds;

/// <summary>FIRST's EPSS probability of exploitation in the next 30 days, and its percentile, for one CVE on one date.</summary>
public sealed record EpssScore(string CveId, double Score, double Percentile, DateOnly? Date);

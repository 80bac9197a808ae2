namespace Vigil.Vulnerabilities.Exchange;

/// <summary>One CVE that applies to an Exchange build's product, and the build's state for it.</summary>
/// <param name="CveId">The CVE (or advisory, e.g. <c>ADV190018</c>) the Microsoft update table names.</param>
/// <param name="Status">Vulnerable, fixed, or not fixable on this cumulative update.</param>
/// <param name="FixedByBuild">
/// The first build on this CU that holds the fix (the security update, or the CU itself when it was released after
/// the fix); null when the CU never received one (<see cref="ExchangeStatus.UpdateLevelOutOfSupport"/>).
/// </param>
public sealed record ExchangeExposure(string CveId, ExchangeStatus Status, string? FixedByBuild);

namespace Vigil.Vulnerabilities.Exchange;

/// <summary>Which security updates fix one CVE, per product (table product ids), by update base name.</summary>
/// <param name="CveId">The CVE or advisory id.</param>
/// <param name="UpdatesByProduct">Product id → base names of the updates that fix the CVE there.</param>
/// <param name="Source">Where the fact comes from: the CSS-Exchange table, or an override's citation.</param>
internal sealed record ExchangeCveFix(string CveId, Dictionary<string, HashSet<string>> UpdatesByProduct, string Source);

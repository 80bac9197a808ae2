namespace Vigil.Vulnerabilities.Exchange;

/// <summary>What the Exchange build tables say about one server build.</summary>
/// <param name="Build">The build assessed, normalised (<c>15.1.2176.9</c>).</param>
/// <param name="Product">Product and cumulative update, e.g. <c>Exchange Server 2016 CU19</c>; null when the build's CU is not in the table.</param>
/// <param name="ReleaseDate">
/// First day of the month of the security update whose build this is (the tables date updates by month only, e.g.
/// <c>Mar21SU</c>); null for a CU's base build or an unknown build, which the tables do not date.
/// </param>
/// <param name="UpdateLevelSupported">
/// Whether the build's CU received the newest security update the tables list for its product (Microsoft
/// ships updates only for supported CUs); false for unknown builds.
/// </param>
/// <param name="Exposures">Every CVE in the tables (and overrides) that applies to the product, with its status.</param>
public sealed record ExchangeAssessment(
    string Build,
    string? Product,
    DateOnly? ReleaseDate,
    bool UpdateLevelSupported,
    IReadOnlyList<ExchangeExposure> Exposures);

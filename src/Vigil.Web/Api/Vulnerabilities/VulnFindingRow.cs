namespace Vigil.Web.Api.Vulnerabilities;

/// <summary>An open vulnerability finding as the page and API show it.</summary>
internal sealed record VulnFindingRow(
    long Id,
    string Asset,
    string Package,
    string Version,
    string Ecosystem,
    string Advisory,
    IReadOnlyList<string> Cves,
    string Severity,
    double? Cvss,
    bool Kev,
    bool KnownRansomware,
    double? Epss,
    double Priority,
    bool HoldsPatientData,
    DateTimeOffset FirstSeen,
    DateOnly? DueDate,
    bool Overdue,
    long? ExceptionId);

namespace Vigil.Web.Api;

/// <summary>One of the riskiest open vulnerability findings, as the Overview lists it (links to the Vulnerabilities page).</summary>
internal sealed record OverviewFinding(
    long Id,
    string Asset,
    string Package,
    string Advisory,
    string Severity,
    bool Kev,
    double Priority,
    DateOnly? DueDate,
    bool Overdue);

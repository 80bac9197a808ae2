namespace Vigil.Web.Api.Vulnerabilities;

/// <summary>One asset's open findings in figures.</summary>
internal sealed record VulnAssetRow(string Asset, int Open, int Critical, int High, int Kev, int Overdue, double TopPriority, DateOnly? NextDue, bool HoldsPatientData);

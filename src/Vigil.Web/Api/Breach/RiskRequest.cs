namespace Vigil.Web.Api.Breach;

/// <summary>A person's likelihood and severity (1 to 5 each) and why.</summary>
/// <param name="Likelihood">1 to 5.</param>
/// <param name="Severity">1 to 5.</param>
/// <param name="Reasoning">Why (no patient data).</param>
internal sealed record RiskRequest(int Likelihood, int Severity, string? Reasoning);

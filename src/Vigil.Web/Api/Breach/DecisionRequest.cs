namespace Vigil.Web.Api.Breach;

/// <summary>The decisions to notify, with the reason.</summary>
/// <param name="Regulator">Notify the regulator.</param>
/// <param name="Individuals">Notify the people.</param>
/// <param name="Reason">Why (no patient data).</param>
internal sealed record DecisionRequest(bool Regulator, bool Individuals, string? Reason);

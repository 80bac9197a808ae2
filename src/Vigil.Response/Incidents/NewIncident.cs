namespace Vigil.Response.Incidents;

/// <summary>What opens an incident.</summary>
/// <param name="Title">A short title without patient data.</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="AwareAt">When the organisation became aware (the regulators' clocks start here).</param>
/// <param name="Jurisdictions">Jurisdiction profile ids.</param>
/// <param name="Owner">Owner, or null.</param>
/// <param name="Playbook">The playbook name its tasks come from, or null.</param>
/// <param name="Description">What is known so far, as people write it (may name patients: stored sealed), or null.</param>
public sealed record NewIncident(
    string Title,
    string Severity,
    DateTimeOffset AwareAt,
    IReadOnlyList<string> Jurisdictions,
    string? Owner = null,
    string? Playbook = null,
    string? Description = null);

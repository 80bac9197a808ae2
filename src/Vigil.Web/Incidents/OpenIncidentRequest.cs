namespace Vigil.Web.Incidents;

/// <summary>What opens an incident from the web: by hand, or from alerts.</summary>
/// <param name="Title">A short title without patient data (1 to 200 characters).</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="Description">What is known so far (up to 8,000 characters; stored sealed), or null.</param>
/// <param name="Playbook">A playbook id whose steps become tasks, or null.</param>
/// <param name="Jurisdictions">Jurisdiction ids whose deadlines apply (uk-gdpr, eu-gdpr, gg-dpl, je-dpjl, us-hipaa, nhs-dspt), or null.</param>
/// <param name="AwareAt">When the organisation became aware (the regulators' clocks start here); null means now.</param>
/// <param name="AlertIds">Alerts it comes from, or null.</param>
/// <param name="Owner">Who owns it, or null.</param>
internal sealed record OpenIncidentRequest(
    string? Title,
    string? Severity,
    string? Description = null,
    string? Playbook = null,
    IReadOnlyList<string>? Jurisdictions = null,
    DateTimeOffset? AwareAt = null,
    IReadOnlyList<long>? AlertIds = null,
    string? Owner = null);

namespace Vigil.Response.Incidents;

/// <summary>One incident: the case that alerts, people's work, evidence and the breach assessment hang on.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="Reference">A human reference such as <c>INC-2026-0001</c>.</param>
/// <param name="Title">A short title without patient data.</param>
/// <param name="Severity">low, medium, high or critical.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Owner">The user name of the person who owns it, or null.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="AwareAt">When the organisation became aware of a personal data breach (the regulators' clocks start here).</param>
/// <param name="Jurisdictions">The jurisdiction profiles that apply (<c>uk-gdpr</c>, <c>eu-gdpr</c>, <c>gg-dpl</c>, ...).</param>
/// <param name="Playbook">The playbook its tasks came from, or null.</param>
public sealed record Incident(
    long Id,
    string Reference,
    string Title,
    string Severity,
    IncidentStatus Status,
    string? Owner,
    DateTimeOffset OpenedAt,
    DateTimeOffset AwareAt,
    IReadOnlyList<string> Jurisdictions,
    string? Playbook);

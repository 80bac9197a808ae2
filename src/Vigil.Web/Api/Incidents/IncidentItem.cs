using Vigil.Response.Incidents;

namespace Vigil.Web.Api.Incidents;

/// <summary>An incident as the API shows it.</summary>
internal sealed record IncidentItem(
    long Id,
    string Reference,
    string Title,
    string Severity,
    string Status,
    string? Owner,
    DateTimeOffset OpenedAt,
    DateTimeOffset AwareAt,
    IReadOnlyList<string> Jurisdictions,
    string? Playbook)
{
    public static IncidentItem From(Incident i)
        => new(i.Id, i.Reference, i.Title, i.Severity, i.Status.ToString(), i.Owner, i.OpenedAt, i.AwareAt, i.Jurisdictions, i.Playbook);
}

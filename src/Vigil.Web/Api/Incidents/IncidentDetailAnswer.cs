using Vigil.Response.Incidents;

namespace Vigil.Web.Api.Incidents;

/// <summary>One incident with everything on it; <c>links</c> name its evidence and breach assessment pages.</summary>
internal sealed record IncidentDetailAnswer(
    IncidentItem Incident,
    string? Description,
    IReadOnlyList<string> AllowedStatuses,
    IReadOnlyList<AlertItem> Alerts,
    IReadOnlyList<Observable> Observables,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<IncidentTask> Tasks,
    IReadOnlyList<IncidentComment> Comments,
    IReadOnlyDictionary<string, string> Links);

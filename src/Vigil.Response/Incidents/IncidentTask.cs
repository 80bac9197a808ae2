namespace Vigil.Response.Incidents;

/// <summary>One task of an incident, usually a playbook step.</summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="Number">1-based position within the incident (what <c>vigil incidents task done REF N</c> names).</param>
/// <param name="Title">What to do.</param>
/// <param name="Group">The playbook step group (for example <c>Preserve</c>, <c>Contain</c>).</param>
/// <param name="Source">Where the step comes from (a citation), or null.</param>
/// <param name="Assignee">Who should do it, or null.</param>
/// <param name="DoneBy">Who did it, or null while open.</param>
/// <param name="DoneAt">When it was done, or null while open.</param>
/// <param name="Note">What the person who did it wrote (stored sealed), or null.</param>
public sealed record IncidentTask(
    long IncidentId,
    int Number,
    string Title,
    string Group,
    string? Source,
    string? Assignee,
    string? DoneBy,
    DateTimeOffset? DoneAt,
    string? Note = null);

namespace Vigil.Response.Incidents;

/// <summary>A comment on an incident.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="At">When.</param>
/// <param name="Text">The comment.</param>
public sealed record IncidentComment(long Id, long IncidentId, string Author, DateTimeOffset At, string Text);

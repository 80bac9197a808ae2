namespace Vigil.Response.Incidents;

/// <summary>One line of an incident's timeline: derived from an alert or its events, or added by a person.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="At">When it happened (event time for alert-derived entries).</param>
/// <param name="Source"><c>alert:ID</c>, <c>event:ID</c>, <c>user:NAME</c> or <c>system</c>.</param>
/// <param name="Text">What happened, without raw patient data.</param>
/// <param name="AddedBy">Who added it (<c>system</c> for derived entries).</param>
public sealed record TimelineEntry(long Id, long IncidentId, DateTimeOffset At, string Source, string Text, string AddedBy);

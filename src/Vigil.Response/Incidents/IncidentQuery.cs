namespace Vigil.Response.Incidents;

/// <summary>Which incidents to list (newest first).</summary>
/// <param name="Status">Only this status, or null.</param>
/// <param name="OpenOnly">Only incidents not closed.</param>
/// <param name="Limit">At most this many.</param>
public sealed record IncidentQuery(IncidentStatus? Status = null, bool OpenOnly = false, int Limit = 100);

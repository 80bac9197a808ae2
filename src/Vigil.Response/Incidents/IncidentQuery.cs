namespace Vigil.Response.Incidents;

/// <summary>Which incidents to list (newest first).</summary>
/// <param name="Status">Only this status, or null.</param>
/// <param name="OpenOnly">Only incidents not closed.</param>
/// <param name="Limit">At most this many.</param>
/// <param name="Severity">Only this severity, or null.</param>
/// <param name="Owner">Only incidents this user owns, or null.</param>
/// <param name="Text">Only incidents whose title or reference contains this (ignoring case), or null.</param>
/// <param name="Before">Only incidents with a smaller id (the next page after the last one shown), or null.</param>
public sealed record IncidentQuery(
    IncidentStatus? Status = null,
    bool OpenOnly = false,
    int Limit = 100,
    string? Severity = null,
    string? Owner = null,
    string? Text = null,
    long? Before = null);

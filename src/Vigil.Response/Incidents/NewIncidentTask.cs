namespace Vigil.Response.Incidents;

/// <summary>A task to add to an incident.</summary>
/// <param name="Title">What to do.</param>
/// <param name="Group">The step group.</param>
/// <param name="Source">Its citation, or null.</param>
/// <param name="Assignee">Who should do it, or null.</param>
public sealed record NewIncidentTask(string Title, string Group, string? Source = null, string? Assignee = null);

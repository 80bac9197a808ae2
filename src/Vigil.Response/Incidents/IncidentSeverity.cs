namespace Vigil.Response.Incidents;

/// <summary>The severities an incident may have.</summary>
public static class IncidentSeverity
{
    /// <summary>low, medium, high, critical.</summary>
    public static readonly IReadOnlyList<string> All = ["low", "medium", "high", "critical"];

    /// <summary>Whether <paramref name="severity"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? severity) => severity is not null && All.Contains(severity, StringComparer.Ordinal);
}

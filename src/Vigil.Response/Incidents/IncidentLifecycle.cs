namespace Vigil.Response.Incidents;

/// <summary>
/// The moves people may make with an incident's status: one phase forward (New, Investigating, Contained, Eradicated,
/// Recovered, Closed), straight to Closed from any open phase (a false alarm or a duplicate), and a closed incident
/// reopened as Investigating.
/// </summary>
public static class IncidentLifecycle
{
    /// <summary>The statuses <paramref name="from"/> may move to, in order.</summary>
    public static IReadOnlyList<IncidentStatus> Next(IncidentStatus from) => from switch
    {
        IncidentStatus.Closed => [IncidentStatus.Investigating],
        IncidentStatus.Recovered => [IncidentStatus.Closed],
        _ => [from + 1, IncidentStatus.Closed],
    };

    /// <summary>Whether <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool Allows(IncidentStatus from, IncidentStatus to) => Next(from).Contains(to);
}

namespace Vigil.Web.Incidents;

/// <summary>What a change to an incident came to: done, no such incident (or task), or refused with the reason.</summary>
/// <param name="Outcome">Done, NotFound or Refused.</param>
/// <param name="Problem">Why it was refused (names the field, never echoes the input), or null.</param>
/// <param name="IncidentId">The incident opened or changed, when done.</param>
internal sealed record WorkResult(WorkOutcome Outcome, string? Problem = null, long IncidentId = 0)
{
    public static WorkResult NotFound { get; } = new(WorkOutcome.NotFound);

    public static WorkResult Refused(string problem) => new(WorkOutcome.Refused, problem);

    public static WorkResult Done(long incidentId) => new(WorkOutcome.Done, null, incidentId);
}

using Vigil.Cli.Demo.Generation;

namespace Vigil.Cli.Demo.Replay;

/// <summary>An alert the replay raised, with what the generator knows of the events it cites.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Level">Severity.</param>
/// <param name="FirstSeen">Event time of its first detection.</param>
/// <param name="Count">Detections grouped in it.</param>
/// <param name="Stages">For each attack stage among the cited events, the earliest event time of that stage; empty for a false alert.</param>
internal sealed record ReplayedAlert(
    string RuleId,
    string RuleTitle,
    string Level,
    DateTimeOffset FirstSeen,
    int Count,
    IReadOnlyDictionary<AttackStage, DateTimeOffset> Stages)
{
    public bool IsFalse => Stages.Count == 0;
}

namespace Vigil.Storage.Alerts;

/// <summary>A detection to turn into an alert, or to add to an open one.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Level">Severity: informational, low, medium, high or critical.</param>
/// <param name="GroupKey">
/// What makes two detections of one rule the same alert (for example the user or host, or a correlation's group-by
/// values); empty when the rule alone decides.
/// </param>
/// <param name="EventTime">The event time of the detection.</param>
/// <param name="EventIds">The stored events that caused it.</param>
/// <param name="Details">Rule metadata and matched values as a JSON object (tags, author, description).</param>
public sealed record AlertCandidate(
    string RuleId,
    string RuleTitle,
    string Level,
    string GroupKey,
    DateTimeOffset EventTime,
    IReadOnlyList<long> EventIds,
    string Details);

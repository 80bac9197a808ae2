namespace Vigil.Storage.Alerts;

/// <summary>A stored alert: one or more detections of one rule with one group key close together in event time.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleTitle">The rule's title.</param>
/// <param name="Level">Severity.</param>
/// <param name="GroupKey">See <see cref="AlertCandidate.GroupKey"/>.</param>
/// <param name="FirstSeen">Event time of the first detection.</param>
/// <param name="LastSeen">Event time of the latest detection.</param>
/// <param name="Count">How many detections were grouped.</param>
/// <param name="EventIds">The events that caused them (the first 1,000).</param>
/// <param name="Status">One of <see cref="AlertStatuses"/>: open, acknowledged, closed-true-positive or closed-false-positive.</param>
/// <param name="CreatedAt">When Vigil raised it (wall clock).</param>
/// <param name="Details">The first detection's details (JSON).</param>
public sealed record Alert(
    long Id,
    string RuleId,
    string RuleTitle,
    string Level,
    string GroupKey,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count,
    IReadOnlyList<long> EventIds,
    string Status,
    DateTimeOffset CreatedAt,
    string Details)
{
    /// <summary>Who is working on it (a user name), or null.</summary>
    public string? Assignee { get; init; }
}

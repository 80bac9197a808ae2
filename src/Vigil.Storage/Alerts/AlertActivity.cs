namespace Vigil.Storage.Alerts;

/// <summary>One entry of an alert's history: a status change, an assignment or a comment.</summary>
/// <param name="Id">The store's id (increasing).</param>
/// <param name="AlertId">The alert.</param>
/// <param name="At">When (wall clock).</param>
/// <param name="Actor">Who (a user name or token name).</param>
/// <param name="Kind">One of <see cref="AlertActivityKinds"/>.</param>
/// <param name="From">The previous status or assignee; null for comments.</param>
/// <param name="To">The new status or assignee, or the comment's text.</param>
public sealed record AlertActivity(long Id, long AlertId, DateTimeOffset At, string Actor, string Kind, string? From, string? To);

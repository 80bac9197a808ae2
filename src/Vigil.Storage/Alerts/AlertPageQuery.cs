namespace Vigil.Storage.Alerts;

/// <summary>One page of alerts, newest first, continuing below <paramref name="BeforeId"/> (keyset paging).</summary>
/// <param name="Status">Only this status, <c>active</c> for open or acknowledged, or any.</param>
/// <param name="MinLevel">At least this severity, or any (an unknown level matches nothing).</param>
/// <param name="RuleId">Only this rule, or any.</param>
/// <param name="Assignee">Only alerts assigned to this user, or any.</param>
/// <param name="BeforeId">Only alerts with a smaller id, or null for the newest.</param>
/// <param name="Limit">At most this many (1 to 500).</param>
public sealed record AlertPageQuery(
    string? Status = null,
    string? MinLevel = null,
    string? RuleId = null,
    string? Assignee = null,
    long? BeforeId = null,
    int Limit = 50);

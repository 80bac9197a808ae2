namespace Vigil.Storage.Alerts;

/// <summary>Which alerts to list, newest first.</summary>
/// <param name="Since">Created at or after, or any.</param>
/// <param name="MinLevel">At least this severity, or any.</param>
/// <param name="RuleId">Only this rule, or any.</param>
/// <param name="Status">Only this status, or any.</param>
/// <param name="Limit">At most this many.</param>
public sealed record AlertQuery(
    DateTimeOffset? Since = null,
    string? MinLevel = null,
    string? RuleId = null,
    string? Status = null,
    int Limit = 100);

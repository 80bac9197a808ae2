namespace Vigil.Web.Api;

/// <summary>An alert as the API shows it.</summary>
internal sealed record AlertItem(
    long Id,
    string RuleId,
    string RuleTitle,
    string Level,
    string Status,
    string? Assignee,
    string GroupKey,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Count,
    DateTimeOffset CreatedAt)
{
    public static AlertItem From(Storage.Alerts.Alert a)
        => new(a.Id, a.RuleId, a.RuleTitle, a.Level, a.Status, a.Assignee, a.GroupKey, a.FirstSeen, a.LastSeen, a.Count, a.CreatedAt);
}

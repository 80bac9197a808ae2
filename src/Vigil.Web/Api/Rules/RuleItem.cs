using Vigil.Storage.Rules;
using Vigil.Web.Rules;

namespace Vigil.Web.Api.Rules;

/// <summary>A rule as the API lists it, with how many alerts it raised and when it last detected.</summary>
internal sealed record RuleItem(
    string Id,
    string Title,
    string Level,
    string Status,
    string Pack,
    string Kind,
    bool Enabled,
    bool Uploaded,
    bool Loaded,
    IReadOnlyList<string> Tags,
    string Logsource,
    long Alerts,
    DateTimeOffset? LastAlert)
{
    public static RuleItem From(RuleRow row, IReadOnlyDictionary<string, RuleAlertStats> stats)
    {
        var info = row.Entry.Info;
        var alerts = stats.GetValueOrDefault(info.Id);
        return new(info.Id, info.Title, info.Level.ToString().ToLowerInvariant(), info.Status, row.Entry.Pack, row.Entry.Kind, row.Enabled,
            row.Entry.Uploaded, row.Entry.Loaded, info.Tags, info.Logsource.ToString(), alerts?.Alerts ?? 0, alerts?.LastSeen);
    }
}

using System.Globalization;

namespace Vigil.Response.Incidents;

/// <summary>Builds timeline entries from alerts and their events: time, source, what happened (no raw records).</summary>
public static class AlertTimeline
{
    private static readonly string[] ActionFields = ["Operation", "operation", "action", "EventID", "EventName", "Workload"];

    /// <summary>The operation an event's fields name, or null.</summary>
    public static string? ActionOf(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = fields as IReadOnlyList<KeyValuePair<string, string?>> ?? [.. fields];
        foreach (var name in ActionFields)
        {
            var value = list.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Value?.Trim();
            if (!string.IsNullOrEmpty(value) && value.Length <= 80)
            {
                return $"{name} {value}";
            }
        }

        return null;
    }

    /// <summary>One entry for the alert and one per event, as (time, source, text).</summary>
    public static IReadOnlyList<(DateTimeOffset At, string Source, string Text)> Entries(AlertFacts alert, IReadOnlyList<EventFacts> events)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(events);
        var id = alert.Id.ToString(CultureInfo.InvariantCulture);
        var entries = new List<(DateTimeOffset, string, string)>
        {
            (alert.FirstSeen, $"alert:{id}", $"Alert {id} ({alert.Level}): {alert.RuleTitle}, {alert.Count.ToString(CultureInfo.InvariantCulture)} detection(s)"),
        };
        foreach (var e in events)
        {
            var what = e.Action is null ? e.SourceType : $"{e.SourceType}: {e.Action}";
            entries.Add((e.Time, $"event:{e.Id.ToString(CultureInfo.InvariantCulture)}", $"{what} (alert {id})"));
        }

        return entries;
    }
}

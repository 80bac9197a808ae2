using System.Text;
using System.Text.Json;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Vulnerabilities.Deadlines;

namespace Vigil.Cli.Vulns;

/// <summary>
/// Raises overdue findings as alerts in the alert store detections use, one per finding: the group key names the
/// finding and the event time is its first overdue day, so a candidate repeated after a crash joins the open alert
/// instead of raising a second one.
/// </summary>
internal static class OverdueAlerts
{
    public const string RuleId = "vigil-vulns-overdue";
    public const string Cursor = "vulns-overdue";

    /// <summary>Ten years: any repeat of the same finding's candidate joins its open alert.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(3650);

    public static async Task<int> RaiseAsync(IVigilStore store, IReadOnlyList<TrackedFinding> overdue, IReadOnlyList<string> channels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (overdue.Count == 0)
        {
            return 0;
        }

        var candidates = overdue.Select(Candidate).ToList();
        var result = await store.Alerts.RecordAsync(candidates, Window, channels, Cursor, now.ToUnixTimeSeconds(), now, cancellationToken).ConfigureAwait(false);
        return result.Created.Count;
    }

    public static AlertCandidate Candidate(TrackedFinding tracked)
    {
        var f = tracked.Finding;
        var level = f.Kev ? "critical" : f.Severity is "critical" or "high" or "medium" or "low" ? f.Severity : "medium";
        var due = tracked.DueDate ?? DateOnly.FromDateTime(tracked.FirstSeen.UtcDateTime);
        var overdueFrom = new DateTimeOffset(due.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new AlertCandidate(
            RuleId,
            $"Patch overdue: {f.Advisory} in {f.Package} on {f.Asset}",
            level,
            $"asset={f.Asset} package={f.Package} advisory={f.Advisory}",
            overdueFrom,
            [],
            Details(tracked));
    }

    private static string Details(TrackedFinding tracked)
    {
        var f = tracked.Finding;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", "vulnerabilities");
            FindingJson.WriteIdentity(json, f);
            json.WriteBoolean("kev", f.Kev);
            json.WriteNumber("priority", f.Priority);
            json.WriteString("first_seen", tracked.FirstSeen);
            json.WriteString("due_date", tracked.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

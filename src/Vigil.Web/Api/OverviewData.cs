using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Insights;

namespace Vigil.Web.Api;

/// <summary>
/// What the Overview shows: active alerts by severity, alerts raised per day, ingestion health, listener errors, open and
/// overdue vulnerability findings with the riskiest few, PHI exposure from the latest finished discovery scans (counts
/// only) and open incidents by status.
/// </summary>
internal sealed record OverviewData(
    IReadOnlyList<AlertCount> ActiveBySeverity,
    IReadOnlyList<AlertCount> RaisedPerDay,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<ListenerErrors> ListenerErrors,
    OverviewFindings Vulnerabilities,
    IReadOnlyList<OverviewPhiScan> PhiScans,
    OverviewIncidents Incidents,
    DateTimeOffset Now)
{
    public const int Days = 14;
    public const int Hours = 24;

    public static async Task<OverviewData> LoadAsync(IVigilStore store, DateTimeOffset now, CancellationToken ct)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return new OverviewData(
            await store.AlertWorkflow.ActiveBySeverityAsync(ct).ConfigureAwait(false),
            await store.AlertWorkflow.RaisedPerDayAsync(today.AddDays(1 - Days), ct).ConfigureAwait(false),
            await store.Insights.IngestionHealthAsync(now, Hours, ct).ConfigureAwait(false),
            await store.Insights.ListenerErrorsAsync(now.AddHours(-Hours), ct).ConfigureAwait(false),
            await OverviewFindings.LoadAsync(store.Vulnerabilities, now, ct).ConfigureAwait(false),
            await OverviewPhiScan.LoadAsync(store.PhiScans, ct).ConfigureAwait(false),
            await OverviewIncidents.LoadAsync(store.Incidents, ct).ConfigureAwait(false),
            now);
    }
}

using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Insights;

namespace Vigil.Web.Api;

/// <summary>What the Overview shows: active alerts by severity, alerts raised per day, ingestion health, listener errors.</summary>
internal sealed record OverviewData(
    IReadOnlyList<AlertCount> ActiveBySeverity,
    IReadOnlyList<AlertCount> RaisedPerDay,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<ListenerErrors> ListenerErrors,
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
            now);
    }
}

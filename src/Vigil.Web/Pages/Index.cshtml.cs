using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Api;
using Vigil.Web.Auth;
using Vigil.Web.Charts;

namespace Vigil.Web.Pages;

/// <summary>
/// The Overview: active alerts by severity, alerts over time, vulnerability findings (overdue, riskiest), PHI exposure
/// of the latest discovery scans, open incidents by status, ingestion health per source.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(IVigilStore store, TimeProvider time) : PageModel
{
    public OverviewData Data { get; private set; } = null!;

    public IReadOnlyList<ChartBar> Severity { get; private set; } = [];

    public IReadOnlyList<ChartColumn> PerDay { get; private set; } = [];

    /// <summary>The latest finished discovery scan's findings by category, or empty.</summary>
    public IReadOnlyList<ChartBar> PhiCategories { get; private set; } = [];

    public IReadOnlyList<ChartBar> IncidentStatuses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Data = await OverviewData.LoadAsync(store, time.GetUtcNow(), ct).ConfigureAwait(false);
        Severity = [.. Display.Levels.Select(l => new ChartBar(l, Data.ActiveBySeverity.Where(c => c.Level == l).Sum(static c => (long)c.Count), Display.LevelClass(l)))];
        var first = new DateTimeOffset(Data.Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 - OverviewData.Days);
        PerDay = [.. Enumerable.Range(0, OverviewData.Days).Select(d =>
        {
            var day = first.AddDays(d);
            var segments = Display.Levels.Reverse().Select(l => new ChartBar(l, Data.RaisedPerDay.Where(c => c.Bucket == day && c.Level == l).Sum(static c => (long)c.Count), Display.LevelClass(l)));
            return new ChartColumn(day.ToString("MM-dd", CultureInfo.InvariantCulture), [.. segments]);
        })];
        PhiCategories = Data.PhiScans.Count == 0 ? [] : [.. Data.PhiScans[0].ByCategory.Select(static c => new ChartBar(c.Key, c.Value, CategoryClass(c.Key)))];
        IncidentStatuses = [.. Data.Incidents.ByStatus.Select(static s => new ChartBar(s.Key, s.Value, s.Key == "new" ? "sev-high" : "sev-medium"))];
    }

    /// <summary>Health data is the most sensitive category, identity next (the same colours as the Data discovery page).</summary>
    public static string CategoryClass(string category) => category switch
    {
        "health" => "sev-high",
        "identity" => "sev-medium",
        _ => "sev-low",
    };
}

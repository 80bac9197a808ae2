using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Web.Api;

/// <summary>Open vulnerability findings at a glance: how many, how many overdue, the riskiest few.</summary>
internal sealed record OverviewFindings(long Open, long Overdue, IReadOnlyList<OverviewFinding> Riskiest)
{
    /// <summary>How many of the riskiest findings the Overview lists.</summary>
    public const int Top = 5;

    public static async Task<OverviewFindings> LoadAsync(IVulnerabilityStore store, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var summary = await store.SummarizeOpenAsync(today, Top, ct).ConfigureAwait(false);
        var rows = new List<OverviewFinding>(summary.Riskiest.Count);
        foreach (var stored in summary.Riskiest)
        {
            if (stored.Id is { } id && VulnJson.ReadFinding(stored.Details) is { } f)
            {
                rows.Add(new OverviewFinding(id, f.Asset, f.Package, f.Advisory, f.Severity, f.Kev, f.Priority, stored.DueDate, stored.DueDate is { } due && today > due));
            }
        }

        return new OverviewFindings(summary.Open, summary.Overdue, rows);
    }
}

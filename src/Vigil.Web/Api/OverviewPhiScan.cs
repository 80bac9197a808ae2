using Vigil.Discovery.Recognition;
using Vigil.Storage.Discovery;

namespace Vigil.Web.Api;

/// <summary>PHI exposure found by one finished discovery scan: counts only, never a value, a name or a path.</summary>
internal sealed record OverviewPhiScan(
    long Id,
    DateTimeOffset? FinishedAt,
    string Status,
    long Items,
    long ItemsWithPhi,
    long Subjects,
    long Findings,
    IReadOnlyDictionary<string, long> ByCategory)
{
    /// <summary>How many of the latest finished scans the Overview shows.</summary>
    public const int Latest = 3;

    /// <summary>The latest scans that finished (completed, or incomplete with some inputs unreadable), newest first.</summary>
    public static async Task<IReadOnlyList<OverviewPhiScan>> LoadAsync(IPhiScanStore store, CancellationToken ct)
    {
        var recent = await store.ListAsync(null, 20, ct).ConfigureAwait(false);
        return [.. recent
            .Where(static s => s.Status is PhiScanStatus.Completed or PhiScanStatus.Incomplete)
            .Take(Latest)
            .Select(static s => new OverviewPhiScan(
                s.Id, s.FinishedAt, s.Status, s.Items, s.ItemsWithFindings, s.Subjects, s.Findings,
                Enum.GetValues<PhiCategory>().ToDictionary(
                    static c => c.ToString().ToLowerInvariant(),
                    c => s.ByType.Where(t => PhiTypes.CategoryOf(t.Key) == c).Sum(static t => t.Value),
                    StringComparer.Ordinal)))];
    }
}

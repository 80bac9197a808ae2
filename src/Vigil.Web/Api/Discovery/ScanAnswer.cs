using Vigil.Discovery.Recognition;
using Vigil.Storage.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>A scan as the API and pages show it: status (a running scan's live item count), totals by category and type.</summary>
internal sealed record ScanAnswer(
    long Id,
    string Path,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    long Items,
    long ItemsWithFindings,
    long Findings,
    long Problems,
    long Subjects,
    IReadOnlyDictionary<string, long> ByCategory,
    IReadOnlyDictionary<string, long> ByType,
    string? Error)
{
    public static ScanAnswer From(PhiScanRecord scan, Vigil.Web.Discovery.DiscoveryScans scans)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(scans);
        var live = scans.Progress(scan.Id);
        var byCategory = Enum.GetValues<PhiCategory>().ToDictionary(
            static c => c.ToString().ToLowerInvariant(),
            c => scan.ByType.Where(t => PhiTypes.CategoryOf(t.Key) == c).Sum(static t => t.Value),
            StringComparer.Ordinal);
        return new ScanAnswer(
            scan.Id, scan.Path, scan.StartedBy, scan.StartedAt, scan.FinishedAt, scans.StatusOf(scan), live?.Items ?? scan.Items, scan.ItemsWithFindings,
            scan.Findings, live?.Problems ?? scan.Problems, scan.Subjects, byCategory, scan.ByType, scan.Error);
    }
}

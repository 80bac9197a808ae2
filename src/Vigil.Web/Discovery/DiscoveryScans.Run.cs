using Vigil.Discovery.Extraction;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Subjects;
using Vigil.Storage.Discovery;

namespace Vigil.Web.Discovery;

/// <summary>The scan itself and the reveal of one item.</summary>
internal sealed partial class DiscoveryScans
{
    private const int ProgressEvery = 200;

    private async Task<PhiScanResult> ScanAsync(long id, string path, ScanProgress progress, CancellationToken cancellationToken)
    {
        var rows = new List<PhiItemResult>();
        var seqByItem = new Dictionary<string, long>(StringComparer.Ordinal);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var linker = new SubjectLinker();
        using (var scanner = NewScanner())
        {
            var items = new ContentReader(ContentLimits.Default).Read([path], _ => progress.Problem(), cancellationToken);
            foreach (var item in scanner.Scan(items, cancellationToken))
            {
                progress.Item();
                if (item.Findings.Count > 0)
                {
                    linker.Add(item);
                    var risk = ItemRisk.Of(item);
                    var seq = rows.Count + 1L;
                    seqByItem.TryAdd(item.ItemId, seq);
                    rows.Add(new PhiItemResult(
                        new PhiItemRecord(id, seq, item.ItemId, item.Location, KindName(item.Kind), risk.Score, risk.Identity, risk.Contact, risk.Health, risk.Types),
                        [.. item.Findings.Select(Masked)]));
                    foreach (var f in item.Findings)
                    {
                        byType[f.Type] = byType.GetValueOrDefault(f.Type) + 1;
                    }
                }

                if (progress.Items % ProgressEvery == 0)
                {
                    await store.PhiScans.ProgressAsync(id, progress.Items, progress.Problems, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var subjects = linker.Build(reveal: false)
            .Select((s, i) => (Subject: s, Order: i))
            .OrderBy(static s => s.Subject.Correspondent)
            .ThenBy(static s => s.Subject.Categories.Contains(Vigil.Discovery.Recognition.PhiCategory.Health) ? 0 : 1)
            .ThenBy(static s => s.Order)
            .Select((s, i) => new PhiSubjectRecord(
                i + 1L,
                s.Subject.Id,
                s.Subject.Correspondent,
                s.Subject.Name,
                [.. s.Subject.Categories.Select(CategoryName)],
                s.Subject.Types.ToDictionary(static t => t.Key, static t => (long)t.Value, StringComparer.Ordinal),
                [.. s.Subject.Identifiers.Select(static v => new KeyValuePair<string, string>(v.Type, v.Masked))],
                [.. s.Subject.Items.Select(item => seqByItem.GetValueOrDefault(item)).Where(static q => q > 0)]))
            .ToList();
        return new PhiScanResult(
            progress.Problems > 0 ? PhiScanStatus.Incomplete : PhiScanStatus.Completed,
            time.GetUtcNow(),
            progress.Items,
            progress.Problems,
            byType,
            rows,
            subjects);
    }

    /// <summary>
    /// Reads one stored item again from its source file (still under an allowed root) and scans it: the values, for a
    /// privacy officer's eyes only. Nothing is stored. Costs a read of the file up to the item.
    /// </summary>
    public Task<RevealOutcome> RevealAsync(PhiItemRecord item, IReadOnlyList<PhiFindingRecord> stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(stored);
        var location = Path.GetFullPath(item.Location);
        if (!Paths.IsUnderRoot(location))
        {
            return Task.FromResult(RevealOutcome.Failed("the item's file is no longer under an allowed folder"));
        }

        if (!File.Exists(location))
        {
            return Task.FromResult(RevealOutcome.Failed("the item's file is gone"));
        }

        return Task.Run(
            () =>
            {
                var found = new ContentReader(ContentLimits.Default).Read([location], static _ => { }, cancellationToken).FirstOrDefault(i => i.Id == item.ItemId);
                if (found is null)
                {
                    return RevealOutcome.Failed("the item is no longer in its file");
                }

                using var scanner = NewScanner();
                var values = scanner.ScanItem(found).Findings.Select(f =>
                {
                    var part = PartNames.Show(f.Part, reveal: false);
                    var same = stored.Any(s => s.Type == f.Type && s.Part == part && s.Start == f.Position.Start && s.Length == f.Position.Length);
                    return new RevealedValue(f.Type, part, f.Masked, f.Value ?? "", f.Position.Start, f.Position.Length, same);
                });
                return new RevealOutcome([.. values], null);
            },
            cancellationToken);
    }
}

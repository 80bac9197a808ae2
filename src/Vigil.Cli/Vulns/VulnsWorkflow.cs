using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Deadlines;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Vulns;

/// <summary>
/// A scan's or a status check's effect on the store: findings carried over (first-seen kept), resolved, overdue ones
/// raised as alerts once, and the scan run recorded.
/// </summary>
internal sealed class VulnsWorkflow(IVigilStore store, TimeProvider time, DeadlinePolicy policy, IReadOnlyList<string> channels)
{
    /// <summary>Applies a scan of <paramref name="scannedAssets"/> that found <paramref name="match"/>.</summary>
    public async Task<(ScanOutcome Outcome, int AlertsRaised)> ScanAsync(MatchResult match, IReadOnlySet<string> scannedAssets, int problems, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = StoredState.FromStored(await store.Vulnerabilities.OpenFindingsAsync(scannedAssets, cancellationToken).ConfigureAwait(false));
        var exemptions = await ExemptionsAsync(cancellationToken).ConfigureAwait(false);
        var outcome = new FindingTracker(policy, time).Apply(match.Findings, scannedAssets, open, exemptions);

        // Alerts first: a crash before the scan is recorded repeats the candidates, which join the alerts raised.
        var raised = await OverdueAlerts.RaiseAsync(store, outcome.NewlyOverdue, channels, now, cancellationToken).ConfigureAwait(false);
        var run = new ScanRun(0, startedAt, now, scannedAssets.Count, match.Components, outcome.Open.Count, outcome.Resolved.Count, problems);
        await store.Vulnerabilities.RecordScanAsync(
            run,
            [.. outcome.Open.Select(s => StoredState.ToStored(s.Tracked))],
            [.. outcome.Resolved.Select(StoredState.ToStored)],
            cancellationToken).ConfigureAwait(false);
        return (outcome, raised);
    }

    /// <summary>Every open finding as of now; overdue ones not yet alerted are raised now.</summary>
    public async Task<(IReadOnlyList<FindingStatus> Open, int AlertsRaised)> StatusAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = StoredState.FromStored(await store.Vulnerabilities.OpenFindingsAsync(null, cancellationToken).ConfigureAwait(false));
        var exemptions = await ExemptionsAsync(cancellationToken).ConfigureAwait(false);
        var (statuses, overdue) = new FindingTracker(policy, time).Review(open, exemptions);
        var raised = await OverdueAlerts.RaiseAsync(store, overdue, channels, now, cancellationToken).ConfigureAwait(false);
        await store.Vulnerabilities.MarkOverdueAlertedAsync([.. overdue.Where(t => t.Id is not null).Select(t => t.Id!.Value)], now, cancellationToken).ConfigureAwait(false);
        return (statuses, raised);
    }

    private async Task<List<Exemption>> ExemptionsAsync(CancellationToken cancellationToken) =>
        [.. (await store.Vulnerabilities.ListExemptionsAsync(cancellationToken).ConfigureAwait(false)).Select(StoredState.FromStored)];
}

using Vigil.Vulnerabilities.Matching;

namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>
/// Carries findings from scan to scan: keeps first-seen dates, sets due dates by the policy, resolves findings a scan
/// of their asset no longer shows (recording the time to remediate) and picks the overdue findings to alert on, once
/// each, skipping those an active exemption covers. Pure: the caller loads and stores the state.
/// </summary>
public sealed class FindingTracker
{
    private readonly DeadlinePolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates a tracker applying <paramref name="policy"/> at the times <paramref name="time"/> gives.</summary>
    public FindingTracker(DeadlinePolicy policy, TimeProvider time)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Applies one scan.</summary>
    /// <param name="current">What the scan found.</param>
    /// <param name="scannedAssets">The assets the scan's inventories described (only their open findings can be resolved).</param>
    /// <param name="open">The stored open findings of those assets.</param>
    /// <param name="exemptions">Every exemption (expired ones are ignored).</param>
    public ScanOutcome Apply(IReadOnlyList<Finding> current, IReadOnlySet<string> scannedAssets, IReadOnlyList<TrackedFinding> open, IReadOnlyList<Exemption> exemptions)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(scannedAssets);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(exemptions);
        var now = _time.GetUtcNow();
        var previous = new Dictionary<string, TrackedFinding>(StringComparer.Ordinal);
        foreach (var tracked in open)
        {
            previous.TryAdd(tracked.Finding.Key, tracked);
        }

        var kept = new List<TrackedFinding>(current.Count);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in current)
        {
            if (!found.Add(finding.Key))
            {
                continue;
            }

            var before = previous.GetValueOrDefault(finding.Key);
            var firstSeen = before?.FirstSeen ?? now;
            kept.Add(new TrackedFinding(before?.Id, finding, firstSeen, now, _policy.DueDate(finding, firstSeen), before?.OverdueAlertedAt, null));
        }

        var resolved = new List<TrackedFinding>();
        foreach (var tracked in previous.Values)
        {
            if (scannedAssets.Contains(tracked.Finding.Asset) && !found.Contains(tracked.Finding.Key))
            {
                resolved.Add(tracked with { ResolvedAt = now });
            }
        }

        var (statuses, overdue) = Review(kept, exemptions);
        return new ScanOutcome(statuses, resolved, overdue);
    }

    /// <summary>
    /// Reviews open findings at the current time without a scan (<c>vigil vulns status</c>): which are overdue, which
    /// an exemption covers, and which need their overdue alert now (their <see cref="TrackedFinding.OverdueAlertedAt"/>
    /// is set in the result).
    /// </summary>
    public (IReadOnlyList<FindingStatus> Open, IReadOnlyList<TrackedFinding> NewlyOverdue) Review(IReadOnlyList<TrackedFinding> open, IReadOnlyList<Exemption> exemptions)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(exemptions);
        var now = _time.GetUtcNow();
        var statuses = new List<FindingStatus>(open.Count);
        var newlyOverdue = new List<TrackedFinding>();
        foreach (var item in open)
        {
            var tracked = item with { DueDate = _policy.DueDate(item.Finding, item.FirstSeen) };
            var exemption = exemptions.FirstOrDefault(e => e.Covers(tracked.Finding, now));
            var overdue = tracked.IsOverdue(now);
            if (overdue && exemption is null && tracked.OverdueAlertedAt is null)
            {
                tracked = tracked with { OverdueAlertedAt = now };
                newlyOverdue.Add(tracked);
            }

            statuses.Add(new FindingStatus(tracked, overdue, exemption));
        }

        statuses.Sort(static (a, b) => b.Tracked.Finding.Priority.CompareTo(a.Tracked.Finding.Priority) is var order and not 0 ? order
            : string.CompareOrdinal(a.Tracked.Finding.Key, b.Tracked.Finding.Key));
        return (statuses, newlyOverdue);
    }
}

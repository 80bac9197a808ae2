namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>What a scan changed.</summary>
/// <param name="Open">Every finding of the scanned assets now open (new and kept), highest priority first.</param>
/// <param name="Resolved">Findings no longer found on a scanned asset, with <see cref="TrackedFinding.ResolvedAt"/> set.</param>
/// <param name="NewlyOverdue">Open findings to raise an overdue alert for now (each finding once in its life).</param>
public sealed record ScanOutcome(IReadOnlyList<FindingStatus> Open, IReadOnlyList<TrackedFinding> Resolved, IReadOnlyList<TrackedFinding> NewlyOverdue);

namespace Vigil.Storage.Vulnerabilities;

/// <summary>The open findings at a glance, from aggregate queries: how many, how many overdue, and the riskiest few.</summary>
/// <param name="Open">Open findings.</param>
/// <param name="Overdue">Open findings whose due date has passed.</param>
/// <param name="Riskiest">The open findings of highest priority (then lowest id), at most the number asked for.</param>
public sealed record FindingSummary(long Open, long Overdue, IReadOnlyList<StoredFinding> Riskiest);

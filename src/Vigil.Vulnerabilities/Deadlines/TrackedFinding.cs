using Vigil.Vulnerabilities.Matching;

namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>A finding with its history: kept across scans until it disappears from a scan of its asset.</summary>
/// <param name="Id">The store's id, or null before it is stored.</param>
/// <param name="Finding">The latest scan's finding.</param>
/// <param name="FirstSeen">When a scan first found it; never reset by later scans.</param>
/// <param name="LastSeen">When a scan last found it.</param>
/// <param name="DueDate">When it must be fixed by, or null when the policy sets no deadline.</param>
/// <param name="OverdueAlertedAt">When its overdue alert was raised, or null: raised once only.</param>
/// <param name="ResolvedAt">When a scan of its asset no longer found it, or null while open.</param>
public sealed record TrackedFinding(
    long? Id,
    Finding Finding,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateOnly? DueDate,
    DateTimeOffset? OverdueAlertedAt,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>How long it took to fix: from first seen to resolved; null while open.</summary>
    public TimeSpan? TimeToRemediate => ResolvedAt - FirstSeen;

    /// <summary>Whether its due date has passed at <paramref name="now"/> (the day after the due date, UTC).</summary>
    public bool IsOverdue(DateTimeOffset now) => DueDate is { } due && DateOnly.FromDateTime(now.UtcDateTime) > due;
}

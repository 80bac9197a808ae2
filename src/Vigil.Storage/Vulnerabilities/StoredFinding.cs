namespace Vigil.Storage.Vulnerabilities;

/// <summary>A finding as stored: indexed columns plus the finding's details as JSON.</summary>
/// <param name="Id">The store's id; null for a finding not yet stored.</param>
/// <param name="Key">asset, ecosystem, package and advisory: the same finding across scans.</param>
/// <param name="Asset">The asset.</param>
/// <param name="Advisory">The advisory id.</param>
/// <param name="FirstSeen">When first found (never changed by updates).</param>
/// <param name="LastSeen">When last found.</param>
/// <param name="DueDate">When due, or null.</param>
/// <param name="OverdueAlertedAt">When its overdue alert was raised, or null.</param>
/// <param name="ResolvedAt">When a scan of its asset no longer found it, or null while open.</param>
/// <param name="Details">The finding as JSON (package, version, scores, ...).</param>
public sealed record StoredFinding(
    long? Id,
    string Key,
    string Asset,
    string Advisory,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateOnly? DueDate,
    DateTimeOffset? OverdueAlertedAt,
    DateTimeOffset? ResolvedAt,
    string Details);

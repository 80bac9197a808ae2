namespace Vigil.Response.Evidence;

/// <summary>A file attached to an incident, stored encrypted.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="IncidentId">The incident.</param>
/// <param name="FileName">The file's original name (stored encrypted; shown to authorised users only).</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its content at intake, lower-case hex.</param>
/// <param name="AddedBy">Who attached it.</param>
/// <param name="AddedAt">When.</param>
public sealed record EvidenceItem(long Id, long IncidentId, string FileName, long Length, string Sha256, string AddedBy, DateTimeOffset AddedAt);

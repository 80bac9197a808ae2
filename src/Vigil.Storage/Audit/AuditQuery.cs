namespace Vigil.Storage.Audit;

/// <summary>Which audit entries to list, newest first.</summary>
/// <param name="BeforeId">Only entries with a smaller id (paging), or null.</param>
/// <param name="Limit">At most this many.</param>
/// <param name="Actor">Only this actor, or null.</param>
/// <param name="Action">Only this action, or null.</param>
public sealed record AuditQuery(long? BeforeId = null, int Limit = 100, string? Actor = null, string? Action = null);

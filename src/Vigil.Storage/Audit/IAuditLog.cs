namespace Vigil.Storage.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
/// <remarks>
/// Thread-safe; appends are serialised (one chain across processes: the head row is locked on PostgreSQL). Entries are
/// never updated or deleted by Vigil; <see cref="VerifyAsync"/> finds an entry changed, removed or reordered by anyone
/// who wrote to the database directly. Never put patient data in an entry: targets are ids.
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends an entry, stamped with the store's clock, chained to the previous one.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Entries newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken ct);

    /// <summary>Walks the whole chain from the first entry and reports the first broken one.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken ct);
}

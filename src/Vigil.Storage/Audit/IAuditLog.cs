namespace Vigil.Storage.Audit;

/// <summary>The append-only, hash-chained audit log.</summary>
/// <remarks>
/// Thread-safe; appends are serialised (one chain across processes: the head row is locked on PostgreSQL). Entries are
/// never updated or deleted by Vigil; <see cref="VerifyAsync(CancellationToken)"/> finds an entry changed, removed or reordered by anyone
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

    /// <summary>
    /// Walks only the entries after <paramref name="from"/> (null: the whole chain, as <see cref="VerifyAsync(CancellationToken)"/>),
    /// chaining from the checkpoint's hash; the checkpoint entry itself is read back and must still have that hash.
    /// </summary>
    /// <remarks>
    /// Cheap on a long log (a few indexed reads and the new entries), but an entry before the checkpoint changed since
    /// it was verified goes unnoticed here (unless it is the checkpoint entry): walk the whole chain for that.
    /// </remarks>
    Task<AuditVerification> VerifyAsync(AuditCheckpoint? from, CancellationToken ct);
}

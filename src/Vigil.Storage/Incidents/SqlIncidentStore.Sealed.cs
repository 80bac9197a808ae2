using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Sealed documents: envelope-encrypted per incident and kind, every access in the custody log.</summary>
internal sealed partial class SqlIncidentStore
{
    public static string SealedContext(long incidentId, string kind) => $"sealed:{incidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{kind}";

    public async Task PutSealedDocumentAsync(long incidentId, string kind, ReadOnlyMemory<byte> plaintext, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var dataKey = Envelope.NewDataKey();
        var content = await Envelope.SealAsync(dataKey, SealedContext(incidentId, kind), plaintext, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        await using var scope = await _db.BeginWriteAsync(WriteLock.Custody, cancellationToken).ConfigureAwait(false);
        var (keyId, master) = await MasterKeyVersion.ForWritingAsync(scope, _keys, cancellationToken).ConfigureAwait(false);
        var wrapped = Envelope.Wrap(master, dataKey);
        using (var upsert = scope.Command("INSERT INTO sealed_documents (incident_id, kind, key_id, wrapped_key, content, updated_at) VALUES (@i, @k, @id, @w, @c, @t) "
            + "ON CONFLICT (incident_id, kind) DO UPDATE SET key_id = excluded.key_id, wrapped_key = excluded.wrapped_key, content = excluded.content, updated_at = excluded.updated_at")
            .With("@i", incidentId)
            .With("@k", kind)
            .With("@id", keyId)
            .With("@w", wrapped)
            .With("@c", content)
            .With("@t", Db.Micros(now)))
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await CustodyLog.AppendAsync(scope, now, incidentId, null, "seal", actor, kind, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task<byte[]?> GetSealedDocumentAsync(long incidentId, string kind, string actor, CancellationToken cancellationToken)
    {
        var row = (await QueryAsync(
            "SELECT key_id, wrapped_key, content FROM sealed_documents WHERE incident_id = @i AND kind = @k",
            c => c.With("@i", incidentId).With("@k", kind),
            r => (KeyId: r.GetString(0), Wrapped: r.GetFieldValue<byte[]>(1), Content: r.GetFieldValue<byte[]>(2)),
            cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (row.Content is null)
        {
            return null;
        }

        var dataKey = Envelope.Unwrap(_keys.Find(row.KeyId), row.Wrapped);
        var plaintext = await Envelope.OpenAsync(dataKey, SealedContext(incidentId, kind), row.Content, cancellationToken).ConfigureAwait(false);
        await using var scope = await _db.BeginWriteAsync(WriteLock.Custody, cancellationToken).ConfigureAwait(false);
        await CustodyLog.AppendAsync(scope, _time.GetUtcNow(), incidentId, null, "unseal", actor, kind, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return plaintext;
    }

    public Task<IReadOnlyList<string>> ListSealedDocumentKindsAsync(long incidentId, CancellationToken cancellationToken)
        => QueryAsync("SELECT kind FROM sealed_documents WHERE incident_id = @i ORDER BY kind", c => c.With("@i", incidentId), r => r.GetString(0), cancellationToken);
}

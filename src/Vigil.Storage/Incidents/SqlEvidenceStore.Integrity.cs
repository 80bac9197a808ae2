using System.Globalization;
using Vigil.Response.Evidence;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Verification of files, sealed documents and the custody chain; master key rotation.</summary>
internal sealed partial class SqlEvidenceStore
{
    public async Task<EvidenceVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var entries = await ListCustodyAsync(null, cancellationToken).ConfigureAwait(false);
        var chain = CustodyChain.FirstBreak(entries);
        if (chain is not null)
        {
            return new EvidenceVerification(entries.Count, 0, 0, chain);
        }

        var intakes = entries.Where(e => e.Action == "intake" && e.EvidenceId is not null).ToDictionary(e => e.EvidenceId!.Value, e => e.Detail);
        var files = 0;
        foreach (var row in await RowsAsync(null, null, cancellationToken).ConfigureAwait(false))
        {
            var id = row.Id.ToString(CultureInfo.InvariantCulture);
            var expected = $"sha256={row.Sha256} length={row.Length.ToString(CultureInfo.InvariantCulture)}";
            if (!intakes.TryGetValue(row.Id, out var detail) || !string.Equals(detail, expected, StringComparison.Ordinal))
            {
                return new EvidenceVerification(entries.Count, files, 0, $"evidence {id}: its hash or length differs from its custody intake entry (or it has none)");
            }

            try
            {
                await DecryptAsync(row, Stream.Null, cancellationToken).ConfigureAwait(false);
            }
            catch (ProtectionException e)
            {
                return new EvidenceVerification(entries.Count, files, 0, $"evidence {id} (incident {row.IncidentId.ToString(CultureInfo.InvariantCulture)}): {e.Message}");
            }

            files++;
        }

        var documents = 0;
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT incident_id, kind, key_id, wrapped_key, content FROM sealed_documents ORDER BY incident_id, kind";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (incident, kind) = (reader.GetInt64(0), reader.GetString(1));
            try
            {
                var dataKey = Envelope.Unwrap(_keys.Find(reader.GetString(2)), reader.GetFieldValue<byte[]>(3));
                await Envelope.OpenAsync(dataKey, SqlIncidentStore.SealedContext(incident, kind), reader.GetFieldValue<byte[]>(4), cancellationToken).ConfigureAwait(false);
            }
            catch (ProtectionException e)
            {
                return new EvidenceVerification(entries.Count, files, documents, $"sealed document {kind} of incident {incident.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
            }

            documents++;
        }

        return new EvidenceVerification(entries.Count, files, documents, null);
    }

    public async Task<string> RotateMasterKeyAsync(ReadOnlyMemory<byte> newMasterKey, string actor, CancellationToken cancellationToken)
    {
        if (newMasterKey.Length != 32)
        {
            throw new ArgumentException("A master key is 32 bytes.", nameof(newMasterKey));
        }

        var key = newMasterKey.ToArray();
        _ = _keys.Current;
        var keyFile = _keys.KeyFile;
        var newId = _keys.Add(key);
        await using (var scope = await _db.BeginWriteAsync(WriteLock.Custody, cancellationToken).ConfigureAwait(false))
        {
            // Every writer of a wrapped key waits from here to the commit, and afterwards reads the new key id.
            if (await MasterKeyVersion.LockForRotationAsync(scope, cancellationToken).ConfigureAwait(false) is { } recorded)
            {
                _keys.SettleKeyFile(recorded);
            }

            if (keyFile is not null)
            {
                // Written first: if the process dies after the commit below, the next start finds the new key here.
                MasterKeyFile.Write(keyFile + ".next", key);
            }

            await MasterKeyVersion.RecordAsync(scope, newId, cancellationToken).ConfigureAwait(false);
            foreach (var (table, row) in MasterKeyVersion.WrappedKeys)
            {
                await RewrapAsync(scope, table, row, key, newId, cancellationToken).ConfigureAwait(false);
            }

            await CustodyLog.AppendAsync(scope, _time.GetUtcNow(), 0, null, "rotate", actor, $"master key {newId}", cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync().ConfigureAwait(false);
        }

        _keys.Promote(newId);
        if (keyFile is not null)
        {
            File.Move(keyFile + ".next", keyFile, overwrite: true);
        }

        return newId;
    }

    /// <summary>Wraps every key of <paramref name="table"/> not yet under <paramref name="newId"/> again; none may remain.</summary>
    private async Task RewrapAsync(WriteScope scope, string table, string row, byte[] key, string newId, CancellationToken cancellationToken)
    {
        var rows = new List<(string Row, byte[] Wrapped, string KeyId)>();
        using (var select = scope.Command($"SELECT {row}, wrapped_key, key_id FROM {table} WHERE key_id <> @k").With("@k", newId))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2)));
            }
        }

        foreach (var (where, wrapped, keyId) in rows)
        {
            var dataKey = Envelope.Unwrap(_keys.Find(keyId), wrapped);
            using var update = scope.Command($"UPDATE {table} SET wrapped_key = @w, key_id = @k WHERE {row} = @r")
                .With("@w", Envelope.Wrap(key, dataKey))
                .With("@k", newId)
                .With("@r", where);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using var left = scope.Command($"SELECT COUNT(*) FROM {table} WHERE key_id <> @k").With("@k", newId);
        if (Convert.ToInt64(await left.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0)
        {
            throw new ProtectionException($"Rotation: {table} still holds keys under an older master key; nothing was changed.");
        }
    }
}

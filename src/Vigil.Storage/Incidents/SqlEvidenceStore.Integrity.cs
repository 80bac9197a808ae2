using System.Globalization;
using Vigil.Response.Evidence;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Master key rotation: every wrapped data key wrapped again under the new key, files untouched.</summary>
internal sealed partial class SqlEvidenceStore
{
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

using System.Globalization;
using System.Text;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>
/// What people type about an incident (description, comments, timeline text, task notes) may name patients: it is
/// sealed (<see cref="Envelope"/>) under the incident's own data key, which the master key wraps (<c>incident_keys</c>).
/// Each text's context names the incident, the table and the row, so a sealed text moved to another row fails to open.
/// </summary>
internal sealed partial class SqlIncidentStore
{
    /// <summary>The associated data of one sealed text.</summary>
    public static string TextContext(long incidentId, string table, long row)
        => string.Create(CultureInfo.InvariantCulture, $"incident-text:{incidentId}:{table}:{row}");

    /// <summary>The incident's data key, created (and the incident's older clear text sealed with it) on first use.</summary>
    private async Task<byte[]> DataKeyAsync(WriteScope scope, long incidentId, CancellationToken cancellationToken)
    {
        if (await FindKeyAsync(scope, incidentId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var (keyId, master) = await MasterKeyVersion.ForWritingAsync(scope, _keys, cancellationToken).ConfigureAwait(false);
        var dataKey = Envelope.NewDataKey();
        using (var insert = scope.Command("INSERT INTO incident_keys (incident_id, key_id, wrapped_key) VALUES (@i, @k, @w) ON CONFLICT DO NOTHING")
            .With("@i", incidentId).With("@k", keyId).With("@w", Envelope.Wrap(master, dataKey)))
        {
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // Another writer created it first.
                return await FindKeyAsync(scope, incidentId, cancellationToken).ConfigureAwait(false) ?? throw new ProtectionException("The incident's data key vanished.");
            }
        }

        foreach (var table in new[] { "incident_timeline", "incident_comments" })
        {
            await SealClearRowsAsync(scope, incidentId, table, dataKey, cancellationToken).ConfigureAwait(false);
        }

        return dataKey;
    }

    private async Task<byte[]?> FindKeyAsync(WriteScope scope, long incidentId, CancellationToken cancellationToken)
    {
        using var select = scope.Command("SELECT key_id, wrapped_key FROM incident_keys WHERE incident_id = @i").With("@i", incidentId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? Envelope.Unwrap(_keys.Find(reader.GetString(0)), reader.GetFieldValue<byte[]>(1))
            : null;
    }

    /// <summary>The incident's data key for reading, or null when nothing of it is sealed yet.</summary>
    private async Task<byte[]?> ReadKeyAsync(long incidentId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT key_id, wrapped_key FROM incident_keys WHERE incident_id = @i",
            c => c.With("@i", incidentId),
            r => (KeyId: r.GetString(0), Wrapped: r.GetFieldValue<byte[]>(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : Envelope.Unwrap(_keys.Find(rows[0].KeyId), rows[0].Wrapped);
    }

    /// <summary>Seals <paramref name="text"/> into <paramref name="column"/> of the row (whose clear column stays empty).</summary>
    private static async Task SealIntoAsync(WriteScope scope, byte[] dataKey, long incidentId, string table, string column, string where, long row, string text, CancellationToken cancellationToken)
    {
        var sealedText = await Envelope.SealAsync(dataKey, TextContext(incidentId, table, row), Encoding.UTF8.GetBytes(Db.Text(text)), cancellationToken).ConfigureAwait(false);
        using var update = scope.Command($"UPDATE {table} SET {column} = @s WHERE {where} = @r" + (table == "incident_tasks" ? " AND incident_id = @i" : string.Empty))
            .With("@s", sealedText).With("@r", row);
        if (table == "incident_tasks")
        {
            update.With("@i", incidentId);
        }

        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of a row: opened when sealed, else the clear column (rows written before migration 9).</summary>
    private static async Task<string?> OpenTextAsync(byte[]? dataKey, long incidentId, string table, long row, byte[]? sealedText, string? clear, CancellationToken cancellationToken)
    {
        if (sealedText is null)
        {
            return clear;
        }

        if (dataKey is null)
        {
            throw new ProtectionException($"Incident {incidentId.ToString(CultureInfo.InvariantCulture)} has sealed text but no data key.");
        }

        return Encoding.UTF8.GetString(await Envelope.OpenAsync(dataKey, TextContext(incidentId, table, row), sealedText, cancellationToken).ConfigureAwait(false));
    }

    private static async Task SealClearRowsAsync(WriteScope scope, long incidentId, string table, byte[] dataKey, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, string Text)>();
        using (var select = scope.Command($"SELECT id, text FROM {table} WHERE incident_id = @i AND text_sealed IS NULL AND text <> ''").With("@i", incidentId))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        foreach (var (id, text) in rows)
        {
            await SealIntoAsync(scope, dataKey, incidentId, table, "text_sealed", "id", id, text, cancellationToken).ConfigureAwait(false);
            using var clear = scope.Command($"UPDATE {table} SET text = '' WHERE id = @r").With("@r", id);
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

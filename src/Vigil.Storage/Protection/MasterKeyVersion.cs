using Npgsql;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Protection;

/// <summary>
/// Migration 12: which master key wraps the data keys, recorded in the database (one row of <c>master_key</c>), so
/// that every writer, in every process, wraps under the key a rotation left, never under one it retired. Writers read
/// it inside their write transaction under the key lock held shared; a rotation holds that lock exclusively while it
/// re-wraps every key not on the new version and records it. On SQLite one writer at a time gives the same order.
/// </summary>
internal static class MasterKeyVersion
{
    public const long Version = 12;

    public const string Description = "master key version";

    public const string Sqlite = "CREATE TABLE master_key (id INTEGER PRIMARY KEY CHECK (id = 1), key_id TEXT NOT NULL);";

    public const string Postgres = "CREATE TABLE master_key (id integer PRIMARY KEY CHECK (id = 1), key_id text NOT NULL);";

    /// <summary>The tables holding wrapped data keys, with the expression naming a row.</summary>
    public static readonly IReadOnlyList<(string Table, string Row)> WrappedKeys =
    [
        ("evidence", "CAST(id AS TEXT)"),
        ("sealed_documents", "CAST(incident_id AS TEXT) || '|' || kind"),
        ("incident_keys", "CAST(incident_id AS TEXT)"),
    ];

    /// <summary>
    /// For a writer about to wrap a data key in <paramref name="scope"/>: the key id and key to wrap with. The first
    /// writer of a database records this process's key.
    /// </summary>
    /// <exception cref="ProtectionException">The database uses a key this process does not have.</exception>
    public static async Task<(string Id, byte[] Key)> ForWritingAsync(WriteScope scope, KeyRing keys, CancellationToken cancellationToken)
    {
        await LockAsync(scope, exclusive: false, cancellationToken).ConfigureAwait(false);
        var recorded = await ReadAsync(scope, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            // A store older than migration 12 keeps the key its rows use: a process with another key must not claim it.
            var used = await KeysInUseAsync(scope, cancellationToken).ConfigureAwait(false);
            var claimed = used.Count == 0 || used.Contains(keys.Current.Id) ? keys.Current.Id : used[0];
            using var claim = scope.Command("INSERT INTO master_key (id, key_id) VALUES (1, @k) ON CONFLICT (id) DO NOTHING").With("@k", claimed);
            await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            recorded = await ReadAsync(scope, cancellationToken).ConfigureAwait(false) ?? keys.Current.Id;
        }

        return (recorded, keys.Resolve(recorded));
    }

    /// <summary>For a rotation: excludes every writer until <paramref name="scope"/> ends; returns the recorded key id (null before the first write).</summary>
    public static async Task<string?> LockForRotationAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        await LockAsync(scope, exclusive: true, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records <paramref name="keyId"/> as the key to wrap with (inside the rotation's scope).</summary>
    public static async Task RecordAsync(WriteScope scope, string keyId, CancellationToken cancellationToken)
    {
        using var upsert = scope.Command("INSERT INTO master_key (id, key_id) VALUES (1, @k) ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id").With("@k", keyId);
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<string>> KeysInUseAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        var union = string.Join(" UNION ", WrappedKeys.Select(static k => $"SELECT key_id FROM {k.Table}"));
        using var select = scope.Command($"SELECT key_id FROM ({union}) used ORDER BY key_id");
        var ids = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static async Task<string?> ReadAsync(WriteScope scope, CancellationToken cancellationToken)
    {
        using var select = scope.Command("SELECT key_id FROM master_key WHERE id = 1");
        return await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    private static async Task LockAsync(WriteScope scope, bool exclusive, CancellationToken cancellationToken)
    {
        if (scope.Connection is not NpgsqlConnection)
        {
            return;
        }

        var function = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared";
        using var command = scope.Command($"SELECT {function}(hashtext(current_schema()), @k)").With("@k", (int)WriteLock.MasterKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

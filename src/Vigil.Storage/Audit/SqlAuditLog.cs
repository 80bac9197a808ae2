using System.Data.Common;
using System.Security.Cryptography;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Audit;

/// <summary>
/// The audit log on either database: table <c>audit</c> (the chain) and the one-row <c>audit_head</c> (the last id and
/// hash). An append reads the head (locked with FOR UPDATE on PostgreSQL; SQLite has one writer), inserts the next
/// entry and moves the head, in one transaction.
/// </summary>
internal sealed class SqlAuditLog : IAuditLog
{
    private const string Columns = "id, at, actor, action, target, ip, detail, prev_hash, hash";
    private readonly Database _db;
    private readonly TimeProvider _time;

    public SqlAuditLog(Database db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        var at = Db.Micros(_time.GetUtcNow());
        var actor = Db.Text(entry.Actor);
        var target = entry.Target is null ? null : Db.Text(entry.Target);
        var ip = entry.Ip is null ? null : Db.Text(entry.Ip);
        var detail = entry.Detail is null ? null : Db.Text(entry.Detail);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, ct).ConfigureAwait(false);
        long lastId;
        byte[] lastHash;
        var lockClause = _db.Provider == "postgresql" ? " FOR UPDATE" : "";
        using (var head = scope.Command($"SELECT last_id, last_hash FROM audit_head WHERE singleton = 1{lockClause}"))
        await using (var reader = await head.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw new StoreException("The audit log's head row is missing; the audit table was tampered with.");
            }

            lastId = reader.GetInt64(0);
            lastHash = reader.GetFieldValue<byte[]>(1);
        }

        var id = lastId + 1;
        var hash = AuditChain.Hash(id, at, actor, entry.Action, target, ip, detail, lastHash);
        using (var insert = scope.Command($"INSERT INTO audit ({Columns}) VALUES (@id, @at, @actor, @action, @target, @ip, @detail, @prev, @hash)"))
        {
            insert.With("@id", id).With("@at", at).With("@actor", actor).With("@action", entry.Action)
                .With("@target", target).With("@ip", ip).With("@detail", detail).With("@prev", lastHash).With("@hash", hash);
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        using (var move = scope.Command("UPDATE audit_head SET last_id = @id, last_hash = @hash WHERE singleton = 1"))
        {
            move.With("@id", id).With("@hash", hash);
            await move.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _db.OpenReadAsync(ct).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.BeforeId is { } before)
        {
            where.Add("id < @before");
            command.With("@before", before);
        }

        if (query.Actor is { } actor)
        {
            where.Add("actor = @actor");
            command.With("@actor", actor);
        }

        if (query.Action is { } action)
        {
            where.Add("action = @action");
            command.With("@action", action);
        }

        command.CommandText = $"SELECT {Columns} FROM audit{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")} ORDER BY id DESC LIMIT @limit";
        command.With("@limit", (long)Math.Clamp(query.Limit, 1, 10_000));
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        await using var connection = await _db.OpenReadAsync(ct).ConfigureAwait(false);
        long headId;
        byte[] headHash;
        using (var head = connection.CreateCommand())
        {
            head.CommandText = "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1";
            await using var reader = await head.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return new AuditVerification(0, 1, "the chain's head row is missing", "");
            }

            headId = reader.GetInt64(0);
            headHash = reader.GetFieldValue<byte[]>(1);
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit ORDER BY id";
        var expectedId = 1L;
        var previous = AuditChain.Genesis.ToArray();
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var r = Read(reader);
                var problem = Check(r, expectedId, previous);
                if (problem is not null)
                {
                    return new AuditVerification(expectedId - 1, expectedId, problem, Convert.ToHexStringLower(headHash));
                }

                previous = r.Hash;
                expectedId++;
            }
        }

        var last = expectedId - 1;
        if (last != headId || !CryptographicOperations.FixedTimeEquals(previous, headHash))
        {
            var reason = last < headId
                ? $"the chain ends at entry {last} but {headId} entries were written (entries removed from the end)"
                : $"the chain's last entry {last} does not match the recorded head (entry {headId})";
            return new AuditVerification(last, Math.Min(last + 1, headId), reason, Convert.ToHexStringLower(headHash));
        }

        return new AuditVerification(last, null, null, Convert.ToHexStringLower(headHash));
    }

    private static string? Check(AuditRecord r, long expectedId, byte[] previous)
    {
        if (r.Id != expectedId)
        {
            return r.Id > expectedId
                ? $"entries {expectedId} to {r.Id - 1} are missing (removed)"
                : $"entry id {r.Id} is out of sequence";
        }

        if (!CryptographicOperations.FixedTimeEquals(r.PreviousHash, previous))
        {
            return "its previous-hash does not match the entry before it (removed, inserted or reordered)";
        }

        var hash = AuditChain.Hash(r.Id, Db.Micros(r.Time), r.Actor, r.Action, r.Target, r.Ip, r.Detail, r.PreviousHash);
        return CryptographicOperations.FixedTimeEquals(hash, r.Hash) ? null : "its content does not match its hash (changed)";
    }

    private static AuditRecord Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        Db.Time(reader.GetInt64(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetFieldValue<byte[]>(7),
        reader.GetFieldValue<byte[]>(8));
}

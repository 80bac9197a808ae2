using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Audit;

/// <summary>
/// The audit log on either database: table <c>audit</c> (the chain) and the one-row <c>audit_head</c> (the last id and
/// hash). An append reads the head (locked with FOR UPDATE on PostgreSQL; SQLite has one writer), inserts the next
/// entry and moves the head, in one transaction.
/// </summary>
internal sealed partial class SqlAuditLog : IAuditLog
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

    public Task<IReadOnlyList<AuditRecord>> ListAsync(AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<(string Condition, string Name, object Value)>();
        if (query.BeforeId is { } before)
        {
            filters.Add(("id < @before", "@before", before));
        }

        if (query.Actor is { } actor)
        {
            filters.Add(("actor = @actor", "@actor", actor));
        }

        if (query.Action is { } action)
        {
            filters.Add(("action = @action", "@action", action));
        }

        var where = filters.Count > 0 ? " WHERE " + string.Join(" AND ", filters.Select(static f => f.Condition)) : "";
        return _db.QueryAsync(
            $"SELECT {Columns} FROM audit{where} ORDER BY id DESC LIMIT @limit",
            command =>
            {
                command.With("@limit", (long)Math.Clamp(query.Limit, 1, 10_000));
                foreach (var (_, name, value) in filters)
                {
                    command.With(name, value);
                }
            },
            Read,
            ct);
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

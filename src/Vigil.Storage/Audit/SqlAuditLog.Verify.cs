using System.Data.Common;
using System.Security.Cryptography;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Audit;

/// <summary>Walking the chain, whole or from a checkpoint.</summary>
internal sealed partial class SqlAuditLog
{
    public Task<AuditVerification> VerifyAsync(CancellationToken ct) => VerifyAsync(null, ct);

    public async Task<AuditVerification> VerifyAsync(AuditCheckpoint? from, CancellationToken ct)
    {
        await using var connection = await _db.OpenReadAsync(ct).ConfigureAwait(false);
        if (await HeadAsync(connection, ct).ConfigureAwait(false) is not var (headId, headHash))
        {
            return new AuditVerification(0, 1, "the chain's head row is missing", "");
        }

        var head = Convert.ToHexStringLower(headHash);
        var start = from?.Id ?? 0;
        var previous = AuditChain.Genesis.ToArray();
        if (from is not null)
        {
            if (start < 0 || !TryHex(from.Hash, out previous))
            {
                throw new ArgumentException("A checkpoint is an entry id and its 64-character hex hash, as a verification returned.", nameof(from));
            }

            if (start > headId)
            {
                return new AuditVerification(0, headId + 1, $"the chain ends at entry {headId}, before entry {start} that was verified earlier (entries removed from the end)", head);
            }

            if (start > 0 && await StoredHashAsync(connection, start, ct).ConfigureAwait(false) is var stored && (stored is null || !CryptographicOperations.FixedTimeEquals(stored, previous)))
            {
                return new AuditVerification(start - 1, start, stored is null ? "this entry, verified earlier, is missing (removed)" : "its hash changed since it was verified", head);
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit WHERE id > @start AND id <= @head ORDER BY id";
        command.With("@start", start).With("@head", headId);
        var expectedId = start + 1;
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var r = Read(reader);
                if (Check(r, expectedId, previous) is { } problem)
                {
                    return new AuditVerification(expectedId - 1, expectedId, problem, head);
                }

                previous = r.Hash;
                expectedId++;
            }
        }

        var last = expectedId - 1;
        if (last < headId)
        {
            return new AuditVerification(last, last + 1, $"the chain ends at entry {last} but {headId} entries were written (entries removed from the end)", head);
        }

        if (!CryptographicOperations.FixedTimeEquals(previous, headHash))
        {
            return new AuditVerification(last, last, $"the chain's last entry {last} does not match the recorded head", head);
        }

        // An append inserts its entry and moves the head in one transaction, so reading the highest id before the head
        // never finds more entries than the head records unless someone inserted rows past it.
        var highest = await HighestIdAsync(connection, ct).ConfigureAwait(false);
        if (await HeadAsync(connection, ct).ConfigureAwait(false) is var (nowHead, _) && highest > nowHead)
        {
            return new AuditVerification(last, nowHead + 1, $"entries after the recorded head (entry {nowHead}) were added outside Vigil", head);
        }

        return new AuditVerification(last, null, null, head);
    }

    private static async Task<(long Id, byte[] Hash)?> HeadAsync(DbConnection connection, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    private static async Task<byte[]?> StoredHashAsync(DbConnection connection, long id, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT hash FROM audit WHERE id = @id";
        command.With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    private static async Task<long> HighestIdAsync(DbConnection connection, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM audit";
        return await Db.ScalarInt64Async(command, ct).ConfigureAwait(false) ?? 0;
    }

    private static bool TryHex(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
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
}

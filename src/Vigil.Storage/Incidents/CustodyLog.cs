using System.Data.Common;
using Vigil.Response.Evidence;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Appends to and reads the hash-chained custody log (the caller's scope holds <see cref="WriteLock.Custody"/>).</summary>
internal static class CustodyLog
{
    private const string Columns = "seq, at, incident_id, evidence_id, action, actor, detail, prev_hash, hash";

    public static async Task<CustodyEntry> AppendAsync(WriteScope scope, DateTimeOffset now, long incidentId, long? evidenceId, string action, string actor, string detail, CancellationToken cancellationToken)
    {
        long sequence = 1;
        var previous = CustodyChain.Genesis;
        using (var last = scope.Command("SELECT seq, hash FROM custody_log ORDER BY seq DESC LIMIT 1"))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sequence = reader.GetInt64(0) + 1;
                previous = reader.GetString(1);
            }
        }

        var at = Db.Time(Db.Micros(now));
        var hash = CustodyChain.HashOf(sequence, at, incidentId, evidenceId, action, actor, detail, previous);
        using var insert = scope.Command($"INSERT INTO custody_log ({Columns}) VALUES (@s, @t, @i, @e, @a, @u, @d, @p, @h)")
            .With("@s", sequence)
            .With("@t", Db.Micros(at))
            .With("@i", incidentId)
            .WithInt64("@e", evidenceId)
            .With("@a", action)
            .With("@u", Db.Text(actor))
            .With("@d", Db.Text(detail))
            .With("@p", previous)
            .With("@h", hash);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new CustodyEntry(sequence, at, incidentId, evidenceId, action, actor, detail, previous, hash);
    }

    public static async Task<IReadOnlyList<CustodyEntry>> ListAsync(DbConnection connection, long? incidentId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = incidentId is null
            ? $"SELECT {Columns} FROM custody_log ORDER BY seq"
            : $"SELECT {Columns} FROM custody_log WHERE incident_id = @i ORDER BY seq";
        command.WithInt64("@i", incidentId);
        var entries = new List<CustodyEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new CustodyEntry(
                reader.GetInt64(0),
                Db.Time(reader.GetInt64(1)),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return entries;
    }
}

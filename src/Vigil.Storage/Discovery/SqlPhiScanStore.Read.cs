using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Discovery;

/// <summary>Reads of the PHI scan tables.</summary>
internal sealed partial class SqlPhiScanStore
{
    private const string ScanColumns = "id, path, started_by, started_at, finished_at, status, items, items_with_findings, findings, problems, subjects, by_type, error";
    private const string ItemColumns = "scan_id, seq, item_id, location, kind, score, identity_count, contact_count, health_count, types";

    public Task<IReadOnlyList<PhiScanRecord>> ListAsync(long? beforeId, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {ScanColumns} FROM phi_scans WHERE id < @b ORDER BY id DESC LIMIT @l",
            c => c.With("@b", beforeId ?? long.MaxValue).With("@l", (long)Math.Clamp(limit, 0, 1000)),
            ReadScan,
            cancellationToken);

    public async Task<PhiScanRecord?> GetAsync(long scanId, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {ScanColumns} FROM phi_scans WHERE id = @id", c => c.With("@id", scanId), ReadScan, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault();

    public Task<IReadOnlyList<PhiItemRecord>> ItemsAsync(long scanId, PhiItemCursor? after, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {ItemColumns} FROM phi_items WHERE scan_id = @s AND (score < @score OR (score = @score AND seq > @seq)) ORDER BY score DESC, seq LIMIT @l",
            c => c.With("@s", scanId).With("@score", (long?)after?.Score ?? long.MaxValue).With("@seq", after?.Seq ?? 0L).With("@l", (long)Math.Clamp(limit, 0, 1000)),
            ReadItem,
            cancellationToken);

    public async Task<PhiItemRecord?> GetItemAsync(long scanId, long itemSeq, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {ItemColumns} FROM phi_items WHERE scan_id = @s AND seq = @q", c => c.With("@s", scanId).With("@q", itemSeq), ReadItem, cancellationToken)
            .ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<PhiFindingRecord>> FindingsAsync(long scanId, long itemSeq, CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT type, category, part, masked, start_offset, length, confidence FROM phi_findings WHERE scan_id = @s AND item_seq = @q ORDER BY seq",
            c => c.With("@s", scanId).With("@q", itemSeq),
            static r => new PhiFindingRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (int)r.GetInt64(4), (int)r.GetInt64(5), r.GetDouble(6)),
            cancellationToken);

    public Task<IReadOnlyList<PhiSubjectRecord>> SubjectsAsync(long scanId, long afterSeq, int limit, CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT seq, subject_id, correspondent, name, categories, types, identifiers, items FROM phi_subjects WHERE scan_id = @s AND seq > @a ORDER BY seq LIMIT @l",
            c => c.With("@s", scanId).With("@a", afterSeq).With("@l", (long)Math.Clamp(limit, 0, 1000)),
            static r => new PhiSubjectRecord(
                r.GetInt64(0), r.GetString(1), r.GetInt64(2) != 0, r.IsDBNull(3) ? null : r.GetString(3), PhiJson.ReadStrings(r.GetString(4)),
                PhiJson.ReadMap(r.GetString(5)), PhiJson.ReadPairs(r.GetString(6)), PhiJson.ReadNumbers(r.GetString(7))),
            cancellationToken);

    private static PhiScanRecord ReadScan(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Db.Time(r.GetInt64(3)), r.IsDBNull(4) ? null : Db.Time(r.GetInt64(4)), r.GetString(5),
        r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10), PhiJson.ReadMap(r.GetString(11)), r.IsDBNull(12) ? null : r.GetString(12));

    private static PhiItemRecord ReadItem(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), (int)r.GetInt64(5), (int)r.GetInt64(6), (int)r.GetInt64(7), (int)r.GetInt64(8),
        PhiJson.ReadStrings(r.GetString(9)));

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        => _db.QueryAsync(sql, bind, read, cancellationToken);
}

using System.Data;
using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Discovery;

/// <summary>PHI scans on either database: writes here, reads in the other part.</summary>
internal sealed partial class SqlPhiScanStore : IPhiScanStore
{
    private readonly Database _db;

    public SqlPhiScanStore(Database db) => _db = db;

    public async Task<long> StartAsync(string path, string startedBy, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(startedBy);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var command = scope.Command(
            "INSERT INTO phi_scans (path, started_by, started_at, status, items, items_with_findings, findings, problems, subjects, by_type) "
            + "VALUES (@p, @b, @t, @s, 0, 0, 0, 0, 0, '{}') RETURNING id")
            .With("@p", Db.Text(path)).With("@b", Db.Text(startedBy)).With("@t", Db.Micros(startedAt)).With("@s", PhiScanStatus.Running);
        var id = await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no id");
        await scope.CommitAsync().ConfigureAwait(false);
        return id;
    }

    public async Task ProgressAsync(long scanId, long items, long problems, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var command = scope.Command("UPDATE phi_scans SET items = @i, problems = @p WHERE id = @id AND status = @s")
            .With("@i", items).With("@p", problems).With("@id", scanId).With("@s", PhiScanStatus.Running);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task CompleteAsync(long scanId, PhiScanResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        await WriteItemsAsync(scope, scanId, result.ItemRows, cancellationToken).ConfigureAwait(false);
        await WriteSubjectsAsync(scope, scanId, result.SubjectRows, cancellationToken).ConfigureAwait(false);
        using (var command = scope.Command(
            "UPDATE phi_scans SET status = @s, finished_at = @f, items = @i, items_with_findings = @w, findings = @n, problems = @p, subjects = @j, by_type = @b WHERE id = @id"))
        {
            command.With("@s", result.Status).With("@f", Db.Micros(result.FinishedAt)).With("@i", result.Items).With("@w", (long)result.ItemRows.Count)
                .With("@n", result.ByType.Values.Sum()).With("@p", result.Problems).With("@j", (long)result.SubjectRows.Count)
                .With("@b", PhiJson.Map(result.ByType)).With("@id", scanId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task FailAsync(long scanId, string status, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var command = scope.Command("UPDATE phi_scans SET status = @s, error = @e, finished_at = @f WHERE id = @id")
            .With("@s", status).With("@e", Db.Text(reason)).With("@f", Db.Micros(at)).With("@id", scanId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    private static async Task WriteItemsAsync(WriteScope scope, long scanId, IReadOnlyList<PhiItemResult> rows, CancellationToken cancellationToken)
    {
        using var item = scope.Command(
            "INSERT INTO phi_items (scan_id, seq, item_id, location, kind, score, identity_count, contact_count, health_count, types) "
            + "VALUES (@scan, @seq, @item, @loc, @kind, @score, @id, @co, @he, @types)").With("@scan", scanId);
        var (seq, itemId, location, kind, score, identity, contact, health, types) = (
            Int64(item, "@seq"), Text(item, "@item"), Text(item, "@loc"), Text(item, "@kind"), Int64(item, "@score"),
            Int64(item, "@id"), Int64(item, "@co"), Int64(item, "@he"), Text(item, "@types"));
        using var finding = scope.Command(
            "INSERT INTO phi_findings (scan_id, item_seq, seq, type, category, part, masked, start_offset, length, confidence) "
            + "VALUES (@scan, @item, @seq, @type, @cat, @part, @masked, @start, @len, @conf)").With("@scan", scanId);
        var (fItem, fSeq, fType, fCategory, fPart, fMasked, fStart, fLength) = (
            Int64(finding, "@item"), Int64(finding, "@seq"), Text(finding, "@type"), Text(finding, "@cat"), Text(finding, "@part"),
            Text(finding, "@masked"), Int64(finding, "@start"), Int64(finding, "@len"));
        var fConfidence = Parameter(finding, "@conf", DbType.Double);
        foreach (var row in rows)
        {
            var r = row.Item;
            (seq.Value, itemId.Value, location.Value, kind.Value, score.Value) = (r.Seq, Db.Text(r.ItemId), Db.Text(r.Location), r.Kind, (long)r.Score);
            (identity.Value, contact.Value, health.Value, types.Value) = ((long)r.Identity, (long)r.Contact, (long)r.Health, PhiJson.List(r.Types));
            await item.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var n = 0L;
            foreach (var f in row.Findings)
            {
                (fItem.Value, fSeq.Value, fType.Value, fCategory.Value, fPart.Value) = (r.Seq, ++n, f.Type, f.Category, Db.Text(f.Part));
                (fMasked.Value, fStart.Value, fLength.Value, fConfidence.Value) = (Db.Text(f.Masked), (long)f.Start, (long)f.Length, f.Confidence);
                await finding.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task WriteSubjectsAsync(WriteScope scope, long scanId, IReadOnlyList<PhiSubjectRecord> rows, CancellationToken cancellationToken)
    {
        using var command = scope.Command(
            "INSERT INTO phi_subjects (scan_id, seq, subject_id, correspondent, name, categories, types, identifiers, items) "
            + "VALUES (@scan, @seq, @sid, @corr, @name, @cats, @types, @ids, @items)").With("@scan", scanId);
        var (seq, subject, correspondent, name, categories) = (Int64(command, "@seq"), Text(command, "@sid"), Int64(command, "@corr"), Text(command, "@name"), Text(command, "@cats"));
        var (types, identifiers, items) = (Text(command, "@types"), Text(command, "@ids"), Text(command, "@items"));
        foreach (var s in rows)
        {
            (seq.Value, subject.Value, correspondent.Value, name.Value) = (s.Seq, s.SubjectId, s.Correspondent ? 1L : 0L, s.Name is null ? DBNull.Value : Db.Text(s.Name));
            (categories.Value, types.Value) = (PhiJson.List(s.Categories), PhiJson.Map(s.Types));
            (identifiers.Value, items.Value) = (Db.Text(PhiJson.Pairs(s.Identifiers)), PhiJson.List(s.ItemSeqs));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DbParameter Text(DbCommand command, string name) => Parameter(command, name, DbType.String);

    private static DbParameter Int64(DbCommand command, string name) => Parameter(command, name, DbType.Int64);

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

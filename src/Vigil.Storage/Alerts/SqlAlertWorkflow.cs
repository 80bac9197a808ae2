using System.Globalization;
using System.Text;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Alerts;

/// <summary>The alert workflow on either database (see <see cref="IAlertWorkflow"/>).</summary>
internal sealed class SqlAlertWorkflow : IAlertWorkflow
{
    private const int MaxComment = 4000;
    private const long MicrosPerDay = 86_400_000_000;
    private readonly Database _db;

    public SqlAlertWorkflow(Database db) => _db = db;

    public async Task<IReadOnlyList<Alert>> PageAsync(AlertPageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // SQLite without statistics would pick the status index and sort every match by id; a unary plus keeps the walk
        // down the primary key, which with LIMIT reads only about a page of rows. PostgreSQL plans this with statistics.
        var plus = _db.Provider == "sqlite" ? "+" : "";
        var sql = new StringBuilder($"SELECT {SqlAlertStore.Columns} FROM alerts WHERE id < @before");
        command.With("@before", query.BeforeId ?? long.MaxValue);
        if (query.Status == "active")
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {plus}status IN ('open', 'acknowledged')");
        }
        else if (!string.IsNullOrEmpty(query.Status))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {plus}status = @status");
            command.With("@status", query.Status);
        }

        if (!string.IsNullOrEmpty(query.MinLevel))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {plus}level_rank >= @rank");
            command.With("@rank", AlertLevels.Rank(query.MinLevel) is var rank and > 0 ? rank : int.MaxValue);
        }

        if (!string.IsNullOrEmpty(query.RuleId))
        {
            sql.Append(" AND rule_id = @rule");
            command.With("@rule", query.RuleId);
        }

        if (!string.IsNullOrEmpty(query.Assignee))
        {
            sql.Append(" AND assignee = @assignee");
            command.With("@assignee", query.Assignee);
        }

        command.CommandText = sql.Append(" ORDER BY id DESC LIMIT @limit").ToString();
        command.With("@limit", Math.Clamp(query.Limit, 1, 500));
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            alerts.Add(SqlAlertStore.Read(reader));
        }

        return alerts;
    }

    public Task<bool> SetStatusAsync(long id, string status, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!AlertStatuses.IsKnown(status))
        {
            throw new ArgumentException($"Unknown alert status '{status}': use {string.Join(", ", AlertStatuses.All)}.", nameof(status));
        }

        return ChangeAsync(id, "status", AlertActivityKinds.Status, status, actor, now, cancellationToken);
    }

    public Task<bool> AssignAsync(long id, string? assignee, string actor, DateTimeOffset now, CancellationToken cancellationToken)
        => ChangeAsync(id, "assignee", AlertActivityKinds.Assign, string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(), actor, now, cancellationToken);

    public async Task<bool> CommentAsync(long id, string text, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        await using var scope = await _db.BeginWriteAsync(WriteLock.Alerts, cancellationToken).ConfigureAwait(false);
        if (await CurrentAsync(scope, id, "status", cancellationToken).ConfigureAwait(false) is not (true, _))
        {
            return false;
        }

        await AppendAsync(scope, id, now, actor, AlertActivityKinds.Comment, null, text.Length > MaxComment ? text[..MaxComment] : text, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<AlertActivity>> ActivityAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, alert_id, at, actor, kind, from_value, to_value FROM alert_activity WHERE alert_id = @id ORDER BY id";
        command.With("@id", id);
        var activity = new List<AlertActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            activity.Add(new AlertActivity(
                reader.GetInt64(0),
                reader.GetInt64(1),
                Db.Time(reader.GetInt64(2)),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return activity;
    }

    public Task<IReadOnlyList<AlertCount>> ActiveBySeverityAsync(CancellationToken cancellationToken)
        => CountAsync(
            "SELECT 0, level_rank, COUNT(*) FROM alerts WHERE status IN ('open', 'acknowledged') GROUP BY level_rank ORDER BY level_rank DESC",
            null,
            cancellationToken);

    public Task<IReadOnlyList<AlertCount>> RaisedPerDayAsync(DateTimeOffset since, CancellationToken cancellationToken)
        => CountAsync(
            $"SELECT created_at / {MicrosPerDay}, level_rank, COUNT(*) FROM alerts WHERE created_at >= @since GROUP BY created_at / {MicrosPerDay}, level_rank ORDER BY 1, level_rank DESC",
            Db.Micros(since),
            cancellationToken);

    private async Task<IReadOnlyList<AlertCount>> CountAsync(string sql, long? since, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (since is { } value)
        {
            command.With("@since", value);
        }

        var counts = new List<AlertCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var day = reader.GetInt64(0);
            var bucket = since is null ? DateTimeOffset.MinValue : Db.Time(day * MicrosPerDay);
            counts.Add(new AlertCount(bucket, AlertLevels.Name(reader.GetInt64(1)), (int)reader.GetInt64(2)));
        }

        return counts;
    }

    /// <summary>Sets <paramref name="column"/> (status or assignee) and records the change, unless it already has the value.</summary>
    private async Task<bool> ChangeAsync(long id, string column, string kind, string? value, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.Alerts, cancellationToken).ConfigureAwait(false);
        var (exists, current) = await CurrentAsync(scope, id, column, cancellationToken).ConfigureAwait(false);
        if (!exists)
        {
            return false;
        }

        if (string.Equals(current, value, StringComparison.Ordinal))
        {
            return true;
        }

        using (var update = scope.Command($"UPDATE alerts SET {column} = @v WHERE id = @id").With("@v", value is null ? null : Db.Text(value)).With("@id", id))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AppendAsync(scope, id, now, actor, kind, current, value, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    private static async Task<(bool Exists, string? Value)> CurrentAsync(WriteScope scope, long id, string column, CancellationToken cancellationToken)
    {
        using var read = scope.Command($"SELECT {column} FROM alerts WHERE id = @id").With("@id", id);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : reader.GetString(0));
    }

    private static async Task AppendAsync(WriteScope scope, long id, DateTimeOffset now, string actor, string kind, string? from, string? to, CancellationToken cancellationToken)
    {
        using var insert = scope.Command(
            "INSERT INTO alert_activity (alert_id, at, actor, kind, from_value, to_value) VALUES (@id, @at, @actor, @kind, @from, @to)")
            .With("@id", id)
            .With("@at", Db.Micros(now))
            .With("@actor", Db.Text(actor))
            .With("@kind", kind)
            .With("@from", from is null ? null : Db.Text(from))
            .With("@to", to is null ? null : Db.Text(to));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

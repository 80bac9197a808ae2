using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Alerts;

/// <summary>Alerts, their notifications and detector cursors, on either database.</summary>
internal sealed class SqlAlertStore : IAlertStore
{
    internal const string Columns = "id, rule_id, rule_title, level, group_key, first_seen, last_seen, hit_count, event_ids, status, created_at, details, assignee";
    private readonly Database _db;

    public SqlAlertStore(Database db) => _db = db;

    public async Task<AlertBatchResult> RecordAsync(
        IReadOnlyList<AlertCandidate> candidates,
        TimeSpan groupWindow,
        IReadOnlyList<string> channels,
        string cursorName,
        long cursor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(channels);
        await using var scope = await _db.BeginWriteAsync(WriteLock.Alerts, cancellationToken).ConfigureAwait(false);
        var created = new List<Alert>();
        var grouped = 0;
        foreach (var candidate in candidates)
        {
            if (await TryGroupAsync(scope, candidate, groupWindow, cancellationToken).ConfigureAwait(false))
            {
                grouped++;
            }
            else
            {
                created.Add(await InsertAsync(scope, candidate, channels, now, cancellationToken).ConfigureAwait(false));
            }
        }

        using (var move = scope.Command("INSERT INTO cursors (name, position) VALUES (@n, @p) ON CONFLICT (name) DO UPDATE SET position = excluded.position")
            .With("@n", cursorName)
            .With("@p", cursor))
        {
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        await scope.CommitAsync().ConfigureAwait(false);
        return new AlertBatchResult(created, grouped);
    }

    public async Task<long> GetCursorAsync(string cursorName, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position FROM cursors WHERE name = @n";
        command.With("@n", cursorName);
        return await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <remarks>An unknown <see cref="AlertQuery.MinLevel"/> is a caller's mistake (the CLI validates it) and throws.</remarks>
    public async IAsyncEnumerable<Alert> ListAsync(AlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var alerts = new List<Alert>();
        await using (var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {Columns} FROM alerts WHERE 1 = 1");
            if (query.Since is { } since)
            {
                sql.Append(" AND created_at >= @since");
                command.With("@since", Db.Micros(since));
            }

            if (query.MinLevel is { } minLevel)
            {
                var rank = AlertLevels.Rank(minLevel);
                if (rank == 0)
                {
                    throw new ArgumentException($"Unknown alert level '{minLevel}': use informational, low, medium, high or critical.", nameof(query));
                }

                sql.Append(" AND level_rank >= @rank");
                command.With("@rank", rank);
            }

            if (query.RuleId is { } ruleId)
            {
                sql.Append(" AND rule_id = @rule");
                command.With("@rule", ruleId);
            }

            if (query.Status is { } status)
            {
                sql.Append(" AND status = @status");
                command.With("@status", status);
            }

            command.CommandText = sql.Append(" ORDER BY id DESC LIMIT @limit").ToString();
            command.With("@limit", Math.Max(query.Limit, 0));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                alerts.Add(Read(reader));
            }
        }

        foreach (var alert in alerts)
        {
            yield return alert;
        }
    }

    public async Task<Alert?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alerts WHERE id = @id";
        command.With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Adds the candidate to the open alert of its rule and key last seen within the window of its event time.</summary>
    private static async Task<bool> TryGroupAsync(WriteScope scope, AlertCandidate candidate, TimeSpan window, CancellationToken cancellationToken)
    {
        var time = Db.Micros(candidate.EventTime);
        var span = (long)window.TotalMicroseconds;
        long id;
        long firstSeen;
        long lastSeen;
        List<long> eventIds;
        using (var find = scope.Command(
            "SELECT id, first_seen, last_seen, event_ids FROM alerts WHERE rule_id = @r AND group_key = @g AND status IN ('open', 'acknowledged') "
            + "AND last_seen >= @lo AND last_seen <= @hi ORDER BY last_seen DESC, id DESC LIMIT 1")
            .With("@r", Db.Text(candidate.RuleId))
            .With("@g", Db.Text(candidate.GroupKey))
            .With("@lo", time - span)
            .With("@hi", time + span))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            (id, firstSeen, lastSeen, eventIds) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), EventIdList.Read(reader.GetString(3)));
        }

        eventIds.AddRange(candidate.EventIds.Take(EventIdList.Max - eventIds.Count));
        using var update = scope.Command(
            "UPDATE alerts SET hit_count = hit_count + 1, first_seen = @first, last_seen = @last, event_ids = @ids WHERE id = @id")
            .With("@first", Math.Min(firstSeen, time))
            .With("@last", Math.Max(lastSeen, time))
            .With("@ids", EventIdList.Write(eventIds))
            .With("@id", id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<Alert> InsertAsync(WriteScope scope, AlertCandidate candidate, IReadOnlyList<string> channels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var time = Db.Micros(candidate.EventTime);
        var eventIds = candidate.EventIds.Take(EventIdList.Max).ToList();
        long id;
        using (var insert = scope.Command(
            "INSERT INTO alerts (rule_id, rule_title, level, level_rank, group_key, first_seen, last_seen, hit_count, event_ids, status, created_at, details) "
            + "VALUES (@r, @t, @l, @rank, @g, @ts, @ts, 1, @ids, 'open', @now, @d) RETURNING id")
            .With("@r", Db.Text(candidate.RuleId))
            .With("@t", Db.Text(candidate.RuleTitle))
            .With("@l", Db.Text(candidate.Level))
            .With("@rank", AlertLevels.Rank(candidate.Level))
            .With("@g", Db.Text(candidate.GroupKey))
            .With("@ts", time)
            .With("@ids", EventIdList.Write(eventIds))
            .With("@now", Db.Micros(now))
            .With("@d", candidate.Details is null ? null : Db.Text(candidate.Details)))
        {
            id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException("INSERT returned no id");
        }

        foreach (var channel in channels)
        {
            using var queue = scope.Command(
                "INSERT INTO notifications (alert_id, channel, status, attempts, next_attempt_at, created_at, updated_at) "
                + "VALUES (@a, @c, 'pending', 0, @now, @now, @now)")
                .With("@a", id)
                .With("@c", Db.Text(channel))
                .With("@now", Db.Micros(now));
            await queue.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var at = Db.Time(time);
        return new Alert(id, candidate.RuleId, candidate.RuleTitle, candidate.Level, candidate.GroupKey, at, at, 1, eventIds, "open", Db.Time(Db.Micros(now)), candidate.Details ?? "");
    }

    internal static Alert Read(DbDataReader reader) => new Alert(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Db.Time(reader.GetInt64(5)),
        Db.Time(reader.GetInt64(6)),
        (int)reader.GetInt64(7),
        EventIdList.Read(reader.GetString(8)),
        reader.GetString(9),
        Db.Time(reader.GetInt64(10)),
        reader.GetString(11))
    {
        Assignee = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}

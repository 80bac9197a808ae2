using System.Data.Common;
using Vigil.Storage.Events;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Insights;

/// <summary>The web app's read-only views on either database (see <see cref="IInsightStore"/>).</summary>
internal sealed class SqlInsightStore : IInsightStore
{
    private const string EventColumns = "id, ts, received_at, source_type, origin, record, fields, raw";
    private const long MicrosPerHour = 3_600_000_000;
    private const int MaxSources = 100;
    private const int ScanPage = 500;
    private readonly Database _db;

    public SqlInsightStore(Database db) => _db = db;

    /// <remarks>
    /// Read from <c>event_blocks</c> (<see cref="EventBlocks"/>): kinds of log by skipping along its (source_type,
    /// first_id) index (one seek per kind), each kind's newest event time from (source_type, max_ts), and hourly counts
    /// as sums of blocks (a block's events lie in one minute, so in one hour): no read of the events table.
    /// </remarks>
    public async Task<IReadOnlyList<SourceHealth>> IngestionHealthAsync(DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        hours = Math.Clamp(hours, 1, 24 * 31);
        var end = (Db.Micros(now) / MicrosPerHour) + 1;
        var start = end - hours;
        var health = new List<SourceHealth>();
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var snapshot = await _db.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        string? previous = null;
        while (health.Count < MaxSources)
        {
            using var next = Command(snapshot, previous is null ? "SELECT MIN(source_type) FROM event_blocks" : "SELECT MIN(source_type) FROM event_blocks WHERE source_type > @p");
            next.With("@p", previous);
            if (await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string source)
            {
                break;
            }

            previous = source;
            using var last = Command(snapshot, "SELECT MAX(max_ts) FROM event_blocks WHERE source_type = @s");
            last.With("@s", source);
            var lastSeen = await Db.ScalarInt64Async(last, cancellationToken).ConfigureAwait(false) ?? 0;
            var counts = new long[hours];
            using var perHour = Command(
                snapshot,
                $"SELECT min_ts / {MicrosPerHour}, SUM(event_count) FROM event_blocks WHERE source_type = @s AND min_ts >= @a AND min_ts < @b GROUP BY min_ts / {MicrosPerHour}");
            perHour.With("@s", source).With("@a", start * MicrosPerHour).With("@b", end * MicrosPerHour);
            await using (var reader = await perHour.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var hour = reader.GetInt64(0) - start;
                    if (hour >= 0 && hour < hours)
                    {
                        counts[hour] = reader.GetInt64(1);
                    }
                }
            }

            health.Add(new SourceHealth(source, Db.Time(lastSeen), counts));
        }

        return health;
    }

    public async Task<IReadOnlyList<ListenerErrors>> ListenerErrorsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT q.listener, q.n, q.latest, (SELECT reason FROM quarantine r WHERE r.listener = q.listener ORDER BY r.id DESC LIMIT 1)
            FROM (SELECT listener, COUNT(*) AS n, MAX(received_at) AS latest FROM quarantine WHERE received_at >= @since GROUP BY listener) q
            ORDER BY q.listener
            """;
        command.With("@since", Db.Micros(since));
        var errors = new List<ListenerErrors>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new ListenerErrors(reader.GetString(0), reader.GetInt64(1), Db.Time(reader.GetInt64(2)), reader.GetString(3)));
        }

        return errors;
    }

    /// <remarks>
    /// Ordered by (ts, id) descending, found through the event blocks (<see cref="EventTimeOrder"/>); the cursor is the
    /// last (ts, id) pair. Field filters are applied to pages of 500 rows, up to the scan budget.
    /// </remarks>
    public async Task<EventPage> BrowseAsync(EventBrowseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = query.Fields ?? [];
        var limit = Math.Clamp(query.Limit, 1, 500);
        var budget = Math.Max(query.ScanBudget, limit);
        var events = new List<StoredEvent>();
        var cursor = query.After;
        var scanned = 0;
        while (true)
        {
            var size = filters.Count == 0 ? limit - events.Count : Math.Min(ScanPage, budget - scanned);
            var page = await ReadPageAsync(query, cursor, size, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page)
            {
                scanned++;
                cursor = new EventCursor(Db.Micros(stored.Timestamp), stored.Id);
                if (EventFilter.Matches(stored.Fields, filters))
                {
                    events.Add(stored);
                    if (events.Count == limit)
                    {
                        return new EventPage(events, cursor, scanned);
                    }
                }
            }

            if (page.Count < size)
            {
                return new EventPage(events, null, scanned);
            }

            if (scanned >= budget)
            {
                return new EventPage(events, cursor, scanned);
            }
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> GetEventsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().Take(200).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var names = new List<string>();
        for (var i = 0; i < wanted.Count; i++)
        {
            names.Add($"@i{i}");
            command.With($"@i{i}", wanted[i]);
        }

        command.CommandText = $"SELECT {EventColumns} FROM events WHERE id IN ({string.Join(", ", names)}) ORDER BY id";
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> AroundAsync(DateTimeOffset at, string? sourceType, int each, CancellationToken cancellationToken)
    {
        each = Math.Clamp(each, 1, 100);
        var t = Db.Micros(at);
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var snapshot = await _db.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var earlier = await EventTimeOrder.FirstAsync(snapshot, sourceType, newest: true, long.MinValue, t - 1, null, each, cancellationToken).ConfigureAwait(false);
        var later = await EventTimeOrder.FirstAsync(snapshot, sourceType, newest: false, t, long.MaxValue, null, each, cancellationToken).ConfigureAwait(false);
        earlier.Reverse();
        earlier.AddRange(later);
        return await RowsAsync(snapshot, earlier, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<StoredEvent>> ReadPageAsync(EventBrowseQuery query, EventCursor? after, int size, CancellationToken cancellationToken)
    {
        var low = query.From is { } from ? Db.Micros(from) : long.MinValue;
        var high = query.To is { } to ? Db.Micros(to) - 1 : long.MaxValue;
        (long, long)? before = null;
        if (after is not null)
        {
            high = Math.Min(high, after.Micros);
            before = (after.Micros, after.Id);
        }

        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        await using var snapshot = await _db.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        var order = await EventTimeOrder.FirstAsync(snapshot, query.SourceType, newest: true, low, high, before, size, cancellationToken).ConfigureAwait(false);
        return await RowsAsync(snapshot, order, cancellationToken).ConfigureAwait(false);
    }

    // The events of `order` (ts, id pairs), in that order.
    private static async Task<List<StoredEvent>> RowsAsync(DbTransaction snapshot, List<(long Ts, long Id)> order, CancellationToken cancellationToken)
    {
        if (order.Count == 0)
        {
            return [];
        }

        using var command = Command(snapshot, $"SELECT {EventColumns} FROM events WHERE id IN ({string.Join(", ", order.Select(static (_, i) => $"@i{i}"))})");
        for (var i = 0; i < order.Count; i++)
        {
            command.With($"@i{i}", order[i].Id);
        }

        var byId = (await ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).ToDictionary(static e => e.Id);
        return [.. order.Where(o => byId.ContainsKey(o.Id)).Select(o => byId[o.Id])];
    }

    private static DbCommand Command(DbTransaction snapshot, string sql)
    {
        var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        return command;
    }

    private static async Task<List<StoredEvent>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(SqlEventStore.Read(reader));
        }

        return events;
    }
}

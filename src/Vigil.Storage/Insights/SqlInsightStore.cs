using System.Data.Common;
using System.Text;
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
    /// Kinds of log are found by skipping along the (source_type, ts) index (one seek per kind), and each kind's newest
    /// event and hourly counts come from the same index: no scan of the events table whatever its size.
    /// </remarks>
    public async Task<IReadOnlyList<SourceHealth>> IngestionHealthAsync(DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        hours = Math.Clamp(hours, 1, 24 * 31);
        var end = (Db.Micros(now) / MicrosPerHour) + 1;
        var start = end - hours;
        var health = new List<SourceHealth>();
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        string? previous = null;
        while (health.Count < MaxSources)
        {
            using var next = connection.CreateCommand();
            next.CommandText = previous is null ? "SELECT MIN(source_type) FROM events" : "SELECT MIN(source_type) FROM events WHERE source_type > @p";
            next.With("@p", previous);
            if (await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not string source)
            {
                break;
            }

            previous = source;
            using var last = connection.CreateCommand();
            last.CommandText = "SELECT MAX(ts) FROM events WHERE source_type = @s";
            last.With("@s", source);
            var lastSeen = await Db.ScalarInt64Async(last, cancellationToken).ConfigureAwait(false) ?? 0;
            var counts = new long[hours];
            using var perHour = connection.CreateCommand();
            perHour.CommandText = $"SELECT ts / {MicrosPerHour}, COUNT(*) FROM events WHERE source_type = @s AND ts >= @a AND ts < @b GROUP BY ts / {MicrosPerHour}";
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
    /// Ordered by (ts, id) descending, which the <c>events_ts</c> and <c>events_source_type_ts</c> indexes give without a
    /// sort; the cursor is a row-value comparison on the same pair. Field filters are applied to pages of 500 rows, up
    /// to the scan budget.
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
        var source = string.IsNullOrEmpty(sourceType) ? "" : " AND source_type = @s";
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var before = connection.CreateCommand();
        before.CommandText = $"SELECT {EventColumns} FROM events WHERE ts < @t{source} ORDER BY ts DESC, id DESC LIMIT @n";
        before.With("@t", Db.Micros(at)).With("@n", each).With("@s", sourceType);
        var earlier = await ReadAllAsync(before, cancellationToken).ConfigureAwait(false);
        using var after = connection.CreateCommand();
        after.CommandText = $"SELECT {EventColumns} FROM events WHERE ts >= @t{source} ORDER BY ts, id LIMIT @n";
        after.With("@t", Db.Micros(at)).With("@n", each).With("@s", sourceType);
        var later = await ReadAllAsync(after, cancellationToken).ConfigureAwait(false);
        earlier.Reverse();
        earlier.AddRange(later);
        return earlier;
    }

    private async Task<List<StoredEvent>> ReadPageAsync(EventBrowseQuery query, EventCursor? after, int size, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {EventColumns} FROM events WHERE 1 = 1");
        if (query.From is { } from)
        {
            sql.Append(" AND ts >= @from");
            command.With("@from", Db.Micros(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND ts < @to");
            command.With("@to", Db.Micros(to));
        }

        if (!string.IsNullOrEmpty(query.SourceType))
        {
            sql.Append(" AND source_type = @st");
            command.With("@st", query.SourceType);
        }

        if (after is not null)
        {
            sql.Append(" AND (ts, id) < (@cts, @cid)");
            command.With("@cts", after.Micros).With("@cid", after.Id);
        }

        command.CommandText = sql.Append(" ORDER BY ts DESC, id DESC LIMIT @limit").ToString();
        command.With("@limit", size);
        return await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
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

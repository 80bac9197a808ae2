using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>The event store on either database; only bulk inserts differ (see <see cref="Database.InsertEventsAsync"/>).</summary>
internal sealed class SqlEventStore : IEventStore
{
    private const int Page = 1000;
    private readonly Database _db;
    private readonly TimeProvider _time;

    public SqlEventStore(Database db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var committed = await AppendCommittedAsync(events, idempotencyKey, cancellationToken).ConfigureAwait(false);
        await committed.Durable.ConfigureAwait(false);
        return committed.Result;
    }

    public async Task<CommittedAppend> AppendCommittedAsync(IReadOnlyList<EventRecord> events, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(events));
        }

        var scope = await _db.BeginWriteAsync(WriteLock.Events, cancellationToken).ConfigureAwait(false);
        AppendResult result;
        await using (scope.ConfigureAwait(false))
        {
            scope.DeferDurability();
            result = await WriteAsync(scope, events, idempotencyKey, cancellationToken).ConfigureAwait(false);
        }

        return new CommittedAppend(result, scope.Durable);
    }

    private async Task<AppendResult> WriteAsync(WriteScope scope, IReadOnlyList<EventRecord> events, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            using var claim = scope.Command("INSERT INTO idempotency_keys (key, committed_at) VALUES (@k, @t) ON CONFLICT (key) DO NOTHING")
                .With("@k", Db.Text(idempotencyKey))
                .With("@t", Db.Micros(_time.GetUtcNow()));
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // The earlier append may still be syncing: the scope waits for the last commit it could have seen.
                return new AppendResult([], Duplicate: true);
            }
        }

        var blocks = new EventBlockGrouping();
        var ids = await _db.InsertEventsAsync(scope, events, blocks, cancellationToken).ConfigureAwait(false);
        await EventBlockWriter.RecordAsync(scope, blocks, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        await scope.CommitAsync().ConfigureAwait(false);
        return new AppendResult(ids, Duplicate: false);
    }

    /// <remarks>
    /// Reads in pages of at most 1,000 rows, each on a connection held only while the page is read, so a slow consumer
    /// holds no connection or snapshot. Field filters are applied here, after SQL has narrowed by id, time and source
    /// type: the comparison (ordinal, case-insensitive, any value of a repeated name) is then the same on both databases.
    /// A time range or kind of log reads only the id ranges of the event blocks that can match (<see cref="EventRanges"/>),
    /// up to the last one that matched when the search began.
    /// </remarks>
    public async IAsyncEnumerable<StoredEvent> SearchAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = query.Fields ?? [];
        var remaining = query.Limit;
        var after = query.AfterId;
        var narrows = EventRanges.Narrows(query);
        var end = long.MaxValue;
        if (narrows && remaining > 0)
        {
            await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
            (after, end) = await EventRanges.WindowAsync(connection, query, after, cancellationToken).ConfigureAwait(false);
        }

        while (remaining > 0 && after < end)
        {
            var size = filters.Count == 0 ? Math.Min(remaining, Page) : Page;
            var (page, complete) = narrows
                ? await ReadRangesAsync(query, after, end, size, cancellationToken).ConfigureAwait(false)
                : (await ReadPageAsync(query, after, size, cancellationToken).ConfigureAwait(false), long.MaxValue);
            foreach (var stored in page)
            {
                after = stored.Id;
                if (EventFilter.Matches(stored.Fields, filters))
                {
                    yield return stored;
                    if (--remaining == 0)
                    {
                        yield break;
                    }
                }
            }

            if (page.Count < size)
            {
                // Everything up to `complete` was read.
                after = complete;
            }
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // The blocks' counts are exact (EventBlocks); without indexes COUNT(*) would read the whole table.
        command.CommandText = "SELECT SUM(event_count) FROM event_blocks";
        return await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    public Task<long> ApplyRetentionAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
        => new EventRetention(_db).ApplyAsync(policy, now, cancellationToken);

    // Up to `size` rows from the next block ranges, on one connection and one command (its bounds changed per range);
    // when fewer, everything up to the returned id was read.
    private async Task<(List<StoredEvent> Page, long Complete)> ReadRangesAsync(EventQuery query, long after, long end, int size, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        var (ranges, complete) = await EventRanges.NextAsync(connection, query, after, end, cancellationToken).ConfigureAwait(false);
        var page = new List<StoredEvent>();
        using var command = PageCommand(connection, query, bounded: true);
        foreach (var (low, high) in ranges)
        {
            command.Parameters[0].Value = low - 1;
            command.Parameters[1].Value = size - page.Count;
            command.Parameters[2].Value = high;
            await ReadRowsAsync(command, page, cancellationToken).ConfigureAwait(false);
            if (page.Count == size)
            {
                break;
            }
        }

        return (page, complete);
    }

    private async Task<List<StoredEvent>> ReadPageAsync(EventQuery query, long after, int size, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = PageCommand(connection, query, bounded: false);
        command.Parameters[0].Value = after;
        command.Parameters[1].Value = size;
        var page = new List<StoredEvent>(Math.Min(size, Page));
        await ReadRowsAsync(command, page, cancellationToken).ConfigureAwait(false);
        return page;
    }

    // Parameters: 0 @after (exclusive), 1 @limit, 2 @through (inclusive, when bounded), then the query's conditions.
    private static DbCommand PageCommand(DbConnection connection, EventQuery query, bool bounded)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT id, ts, received_at, source_type, origin, record, fields, raw FROM events WHERE id > @after");
        command.With("@after", 0L).With("@limit", 0);
        if (bounded)
        {
            sql.Append(" AND id <= @through");
            command.With("@through", 0L);
        }

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

        if (query.SourceType is { } sourceType)
        {
            sql.Append(" AND source_type = @st");
            command.With("@st", sourceType);
        }

        command.CommandText = sql.Append(" ORDER BY id LIMIT @limit").ToString();
        return command;
    }

    private static async Task ReadRowsAsync(DbCommand command, List<StoredEvent> into, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            into.Add(Read(reader));
        }
    }

    /// <summary>
    /// The event on the reader's current row, selected as <c>id, ts, received_at, source_type, origin, record, fields,
    /// raw</c> (the fields may be slices of the raw record, so both are read together).
    /// </summary>
    internal static StoredEvent Read(DbDataReader reader)
    {
        var raw = Encoding.UTF8.GetString(reader.GetFieldValue<byte[]>(7));
        return new(
            reader.GetInt64(0),
            Db.Time(reader.GetInt64(1)),
            Db.Time(reader.GetInt64(2)),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetInt64(5),
            FieldsJson.Read(reader.GetString(6), raw),
            raw);
    }
}

using System.Data.Common;
using Vigil.Storage.Events;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Insights;

/// <summary>
/// The first events in event time order (newest or oldest first; ties by id the same way) within bounds, found through
/// <c>event_blocks</c> (see <see cref="EventBlocks"/>) instead of an index on event time: the same rows as
/// <c>ORDER BY ts, id LIMIT n</c> would give.
/// </summary>
/// <remarks>
/// Blocks are visited nearest first (newest first: by largest event time), each block's id range read for its kind and
/// time span only (at most <see cref="EventBlocks.Span"/> rows of id and time). Once <c>count</c> events are held, a
/// block whose nearest time is beyond the last held one cannot improve them, nor can any later block: the search stops.
/// Blocks across the upper (newest first) or lower bound come first; their times lie in one minute, so they are found
/// within a minute of it. Events out of order only make blocks overlap in time, so more of them are read.
/// </remarks>
internal sealed class EventTimeOrder
{
    private const int BlockPage = 64;
    private readonly DbTransaction _snapshot;
    private readonly string? _source;
    private readonly bool _newest;
    private readonly List<(long Ts, long Id)> _held = [];
    private readonly HashSet<long> _seen = [];

    private EventTimeOrder(DbTransaction snapshot, string? source, bool newest)
    {
        _snapshot = snapshot;
        _source = string.IsNullOrEmpty(source) ? null : source;
        _newest = newest;
    }

    /// <summary>
    /// Ids and times of the first <paramref name="count"/> events with <paramref name="low"/> &lt;= ts &lt;=
    /// <paramref name="high"/> and, when given, (ts, id) before <paramref name="before"/> in the order asked for.
    /// </summary>
    public static async Task<List<(long Ts, long Id)>> FirstAsync(
        DbTransaction snapshot, string? source, bool newest, long low, long high, (long Ts, long Id)? before, int count, CancellationToken cancellationToken)
    {
        var order = new EventTimeOrder(snapshot, source, newest);
        await order.RunAsync(low, high, before, count, cancellationToken).ConfigureAwait(false);
        return order._held;
    }

    private async Task RunAsync(long low, long high, (long Ts, long Id)? before, int count, CancellationToken cancellationToken)
    {
        if (low > high || count <= 0)
        {
            return;
        }

        // Blocks across the bound where the walk starts (a block spans under a minute, so within a minute of it).
        var edge = _newest ? high : low;
        var across = _newest
            ? (high < long.MaxValue - EventBlocks.Minute ? "max_ts > @edge AND max_ts < @edge + @minute AND min_ts <= @edge" : null)
            : (low > long.MinValue + EventBlocks.Minute ? "min_ts < @edge AND min_ts > @edge - @minute AND max_ts >= @edge" : null);
        if (across is not null)
        {
            foreach (var block in await BlocksAsync(across, edge, 0, cancellationToken).ConfigureAwait(false))
            {
                await ReadAsync(block, low, high, before, count, cancellationToken).ConfigureAwait(false);
            }
        }

        // Then every block within the bounds, nearest first (keyset on the near time and first id).
        var far = _newest ? low : high;
        var (key, keyId) = (edge, _newest ? long.MaxValue : long.MinValue);
        var inclusive = true;
        while (true)
        {
            var where = _newest
                ? $"max_ts >= @far AND {(inclusive ? "max_ts <= @edge" : "(max_ts, first_id) < (@edge, @key)")} ORDER BY max_ts DESC, first_id DESC"
                : $"min_ts <= @far AND {(inclusive ? "min_ts >= @edge" : "(min_ts, first_id) > (@edge, @key)")} ORDER BY min_ts, first_id";
            var blocks = await BlocksAsync(where + $" LIMIT {BlockPage}", key, far, cancellationToken, keyId).ConfigureAwait(false);
            foreach (var block in blocks)
            {
                var nearTs = _newest ? block.MaxTs : block.MinTs;
                if (_held.Count >= count && (_newest ? nearTs < _held[^1].Ts : nearTs > _held[^1].Ts))
                {
                    return;
                }

                await ReadAsync(block, low, high, before, count, cancellationToken).ConfigureAwait(false);
                (key, keyId) = (nearTs, block.First);
            }

            if (blocks.Count < BlockPage)
            {
                return;
            }

            inclusive = false;
        }
    }

    private async Task<List<Block>> BlocksAsync(string where, long edge, long far, CancellationToken cancellationToken, long key = 0)
    {
        using var command = Command("SELECT first_id, last_id, source_type, min_ts, max_ts FROM event_blocks WHERE ");
        var order = where.IndexOf(" ORDER BY", StringComparison.Ordinal);
        var source = _source is null ? "" : " AND source_type = @s";
        command.CommandText += order < 0 ? where + source : where[..order] + source + where[order..];
        command.With("@edge", edge).With("@far", far).With("@key", key).With("@minute", EventBlocks.Minute).With("@s", _source);
        var blocks = new List<Block>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            blocks.Add(new Block(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return blocks;
    }

    // The block's own rows (its kind and time span within its id range) that are within the bounds, into the held set.
    private async Task ReadAsync(Block block, long low, long high, (long Ts, long Id)? before, int count, CancellationToken cancellationToken)
    {
        using var command = Command("SELECT id, ts FROM events WHERE id >= @f AND id <= @l AND source_type = @s AND ts >= @a AND ts <= @b");
        command.With("@f", block.First).With("@l", block.Last).With("@s", block.Source)
            .With("@a", Math.Max(block.MinTs, low)).With("@b", Math.Min(block.MaxTs, high));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = (Ts: reader.GetInt64(1), Id: reader.GetInt64(0));
                if ((before is not { } b || row.CompareTo(b) < 0) && _seen.Add(row.Id))
                {
                    _held.Add(row);
                }
            }
        }

        _held.Sort(_newest ? static (x, y) => y.CompareTo(x) : static (x, y) => x.CompareTo(y));
        if (_held.Count > count)
        {
            _held.RemoveRange(count, _held.Count - count);
        }
    }

    private DbCommand Command(string sql)
    {
        var command = _snapshot.Connection!.CreateCommand();
        command.Transaction = _snapshot;
        command.CommandText = sql;
        return command;
    }

    private sealed record Block(long First, long Last, string Source, long MinTs, long MaxTs);
}

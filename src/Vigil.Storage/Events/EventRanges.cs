using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>
/// Id ranges of the events table that hold every event a query's time range and kind of log can match, read from
/// <c>event_blocks</c> (see <see cref="EventBlocks"/>): a search reads these ranges in id order instead of the table.
/// </summary>
/// <remarks>
/// A block matches when its kind is the query's and its time span overlaps the query's; the block's events then lie in
/// its id range, whatever order they arrived in. Ranges are a superset (other rows in them are filtered by SQL as
/// before), so results are the same as a scan's.
/// </remarks>
internal static class EventRanges
{
    /// <summary>Blocks read per step; the step's ranges are complete up to the last block's first id.</summary>
    private const int Blocks = 256;

    /// <summary>Ranges closer than this are read as one (a query per range costs more than a few rows).</summary>
    private const long Gap = 256;

    /// <summary>Whether the query narrows by time or kind of log (else a search reads the table in id order).</summary>
    public static bool Narrows(EventQuery query) => query.From is not null || query.To is not null || query.SourceType is not null;

    /// <summary>
    /// Where the matching blocks start (their first id minus one, or <paramref name="after"/> if larger) and end (their
    /// largest last id); <see cref="long.MaxValue"/> for both when none matches. Events committed later are not searched.
    /// </summary>
    public static async Task<(long Start, long End)> WindowAsync(DbConnection connection, EventQuery query, long after, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        // A block overlapping [from, to) has max_ts in [from, to + 1 minute): its times lie in one minute.
        command.CommandText = "SELECT MIN(first_id), MAX(last_id) FROM event_blocks WHERE first_id > @low" + Conditions(command, query, byMaxTs: true);
        command.With("@low", after - EventBlocks.Span);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0)
            ? (Math.Max(after, reader.GetInt64(0) - 1), reader.GetInt64(1))
            : (long.MaxValue, long.MaxValue);
    }

    /// <summary>
    /// The next ranges after <paramref name="after"/>, in order, merged, and the id up to which they are complete
    /// (<see cref="long.MaxValue"/> when no block is left).
    /// </summary>
    public static async Task<(List<(long Low, long High)> Ranges, long Complete)> NextAsync(
        DbConnection connection, EventQuery query, long after, long end, CancellationToken cancellationToken)
    {
        // Blocks across `after` (first id within the span below it; bounded by the kinds and minutes there), then the
        // next ones: every block with a first id up to the last one read was read, so ranges are complete up to it.
        var blocks = await BlocksAsync(connection, query, "first_id > @low AND first_id <= @after AND last_id > @after", after, end, cancellationToken).ConfigureAwait(false);
        var next = await BlocksAsync(connection, query, $"first_id > @after AND first_id <= @end ORDER BY first_id LIMIT {Blocks}", after, end, cancellationToken).ConfigureAwait(false);
        var complete = next.Count == Blocks ? next[^1].First : long.MaxValue;
        blocks.Sort();
        blocks.AddRange(next);
        var ranges = new List<(long Low, long High)>();
        foreach (var (first, last) in blocks)
        {
            var low = Math.Max(first, after + 1);
            var high = Math.Min(last, complete);
            if (low > high)
            {
                continue;
            }

            if (ranges.Count > 0 && low <= ranges[^1].High + Gap)
            {
                ranges[^1] = (ranges[^1].Low, Math.Max(ranges[^1].High, high));
            }
            else
            {
                ranges.Add((low, high));
            }
        }

        return (ranges, complete);
    }

    private static async Task<List<(long First, long Last)>> BlocksAsync(
        DbConnection connection, EventQuery query, string where, long after, long end, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        var conditions = Conditions(command, query, byMaxTs: false);
        var order = where.IndexOf(" ORDER BY", StringComparison.Ordinal);
        command.CommandText = order < 0
            ? $"SELECT first_id, last_id FROM event_blocks WHERE {where}{conditions}"
            : $"SELECT first_id, last_id FROM event_blocks WHERE {where[..order]}{conditions}{where[order..]}";
        command.With("@low", after - EventBlocks.Span).With("@after", after).With("@end", end);
        var blocks = new List<(long First, long Last)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            blocks.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return blocks;
    }

    private static string Conditions(DbCommand command, EventQuery query, bool byMaxTs)
    {
        var sql = "";
        if (query.SourceType is { } sourceType)
        {
            sql += " AND source_type = @st";
            command.With("@st", sourceType);
        }

        if (query.From is { } from)
        {
            sql += " AND max_ts >= @from";
            command.With("@from", Db.Micros(from));
        }

        if (query.To is { } to)
        {
            sql += byMaxTs ? " AND max_ts < @toNext AND min_ts < @to" : " AND min_ts < @to";
            command.With("@to", Db.Micros(to));
            if (byMaxTs)
            {
                command.With("@toNext", Db.Micros(to) + EventBlocks.Minute);
            }
        }

        return sql;
    }
}

using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>
/// Keeps <c>event_blocks</c> (see <see cref="EventBlocks"/>) in an append's transaction: given the batch grouped by kind
/// of log and minute (<see cref="EventBlockGrouping"/>), extends each kind and minute's newest block when the ids stay
/// within the span, else inserts one.
/// </summary>
/// <remarks>
/// Stateless between batches: the block to extend is looked up in the database (the newest of its kind and minute
/// whose first id is within the span), so several processes appending to one database, or a rolled-back append,
/// leave the blocks exact. Appends are serialised (one writer, or the events lock), so new ids are larger than every
/// block's, and extending the newest block keeps blocks of one kind and minute apart.
/// </remarks>
internal static class EventBlockWriter
{
    private const string Extend = """
        UPDATE event_blocks SET last_id = @last, event_count = event_count + @n,
            min_ts = CASE WHEN min_ts < @min THEN min_ts ELSE @min END,
            max_ts = CASE WHEN max_ts > @max THEN max_ts ELSE @max END
        WHERE first_id = (SELECT first_id FROM event_blocks
            WHERE source_type = @s AND first_id > @low AND min_ts >= @minute AND min_ts < @next
            ORDER BY first_id DESC LIMIT 1)
        """;

    private const string Insert = """
        INSERT INTO event_blocks (first_id, last_id, source_type, min_ts, max_ts, event_count)
        VALUES (@first, @last, @s, @min, @max, @n)
        """;

    public static async Task RecordAsync(WriteScope scope, EventBlockGrouping grouping, CancellationToken cancellationToken)
    {
        // One command of each kind per batch, its values changed per block: SQLite prepares a statement once per command.
        using var extend = Parameters(scope.Command(Extend), "@low", "@minute", "@next");
        using var insert = Parameters(scope.Command(Insert), "@first");
        foreach (var block in grouping.Blocks())
        {
            Bind(extend, block, block.Last - EventBlocks.Span, block.Minute, block.Minute + EventBlocks.Minute);
            if (await extend.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                Bind(insert, block, block.First);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Parameters 0-4 are the block's, then the statement's own.
    private static DbCommand Parameters(DbCommand command, params string[] more)
    {
        command.With("@last", 0L).With("@n", 0L).With("@min", 0L).With("@max", 0L).With("@s", "");
        foreach (var name in more)
        {
            command.With(name, 0L);
        }

        return command;
    }

    private static void Bind(DbCommand command, Block block, params long[] more)
    {
        var parameters = command.Parameters;
        parameters[0].Value = block.Last;
        parameters[1].Value = block.Count;
        parameters[2].Value = block.MinTs;
        parameters[3].Value = block.MaxTs;
        parameters[4].Value = block.Source;
        for (var i = 0; i < more.Length; i++)
        {
            parameters[5 + i].Value = more[i];
        }
    }

    /// <summary>One block's share of a batch.</summary>
    internal sealed class Block(string source, long minute, long first, long ts)
    {
        /// <summary>The kind of log as stored (<see cref="Db.Text"/>).</summary>
        public string Source { get; } = source;

        public long Minute { get; } = minute;

        public long First { get; } = first;

        public long Last { get; private set; } = first;

        public long MinTs { get; private set; } = ts;

        public long MaxTs { get; private set; } = ts;

        public long Count { get; private set; }

        public void Add(long id, long ts)
        {
            Last = id;
            Count++;
            MinTs = Math.Min(MinTs, ts);
            MaxTs = Math.Max(MaxTs, ts);
        }
    }
}

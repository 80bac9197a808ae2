using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>
/// Brings <c>event_blocks</c> in line after retention deleted every event below an id, in the delete's transaction:
/// blocks wholly below it go, blocks across it are summarised again from their remaining events (exact, as always).
/// </summary>
internal static class EventBlockTrim
{
    public static async Task AfterDeleteBelowAsync(WriteScope scope, long cut, CancellationToken cancellationToken)
    {
        using (var gone = scope.Command("DELETE FROM event_blocks WHERE last_id < @c").With("@c", cut))
        {
            await gone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Blocks of one kind and minute never overlap, so the rows of a block's kind and minute in its id range are its own.
        var across = new List<(long First, long Last, string Source, long Minute)>();
        using (var find = scope.Command("SELECT first_id, last_id, source_type, min_ts FROM event_blocks WHERE first_id < @c").With("@c", cut))
        {
            await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                across.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), EventBlocks.MinuteOf(reader.GetInt64(3))));
            }
        }

        foreach (var (first, last, source, minute) in across)
        {
            using (var drop = scope.Command("DELETE FROM event_blocks WHERE first_id = @f").With("@f", first))
            {
                await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var again = scope.Command("""
                INSERT INTO event_blocks (first_id, last_id, source_type, min_ts, max_ts, event_count)
                SELECT MIN(id), MAX(id), source_type, MIN(ts), MAX(ts), COUNT(*) FROM events
                WHERE id >= @c AND id <= @l AND source_type = @s AND ts >= @m AND ts < @n
                GROUP BY source_type
                """);
            again.With("@c", cut).With("@l", last).With("@s", source).With("@m", minute).With("@n", minute + EventBlocks.Minute);
            await again.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

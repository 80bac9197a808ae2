namespace Vigil.Storage.Events;

/// <summary>
/// The rules of the <c>event_blocks</c> summary (migration 13), which stands in for indexes on the events table.
/// </summary>
/// <remarks>
/// A block summarises events of one kind of log whose event times lie in one UTC minute and whose ids lie within
/// <see cref="Span"/> of each other: first and last id, smallest and largest event time, count, all exact. Every event
/// is in exactly one block, and blocks of the same kind and minute never overlap in ids. So a block's id range holds
/// all its events (and maybe others, which readers filter out by kind and time), its times bound theirs whatever order
/// they arrived in, and counts per kind and hour are sums of blocks.
/// </remarks>
internal static class EventBlocks
{
    /// <summary>A block's last id is less than its first id plus this: a reader reads at most this many rows for one block.</summary>
    public const long Span = 4096;

    /// <summary>One minute in microseconds: a block's events lie in one UTC minute.</summary>
    public const long Minute = 60_000_000;

    /// <summary>The start of the UTC minute holding <paramref name="micros"/> (also before 1970).</summary>
    public static long MinuteOf(long micros) => micros - (((micros % Minute) + Minute) % Minute);
}

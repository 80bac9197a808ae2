namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Receive blocks of <see cref="BlockBytes"/> for the payloads of large reads, used again once the events in them are
/// committed.
/// </summary>
/// <remarks>
/// <para>
/// Under a flood each TCP read filled fresh blocks, about 115 bytes per event, that lived until the writer committed
/// them: every collection copied the queued ones, and their allocation brought the next collection nearer. A block
/// from the pool belongs to one hand-over (<see cref="PayloadBlocks"/>, <see cref="IngestItem.Blocks"/>); the batch
/// writer gives it back once the store's append has returned, because nothing reads an event's raw record after that:
/// the store copies it while inserting, the detector is handed only the parsed events, and nobody waits for an
/// unacknowledged hand-over. A block whose hand-over never reaches the writer (the service stopped) is left to the
/// collector, never returned.
/// </para>
/// <para>
/// Thread-safe: listeners rent, the writer returns. At most <see cref="MaxKept"/> blocks (8 MiB) wait here; beyond that
/// a returned block is dropped.
/// </para>
/// </remarks>
internal sealed class PayloadBlockPool
{
    /// <summary>Bytes per block: under the large object heap's threshold (85,000 bytes).</summary>
    public const int BlockBytes = 64 * 1024;

    /// <summary>Blocks kept for reuse at most: a flood's queue holds some 120 blocks of events, returned a transaction (about 30) at a time.</summary>
    public const int MaxKept = 128;

    private readonly Lock _lock = new();
    private readonly byte[][] _kept = new byte[MaxKept][];
    private int _count;
    private long _reused;

    /// <summary>How many blocks were handed out again rather than allocated.</summary>
    public long Reused => Interlocked.Read(ref _reused);

    /// <summary>A block of <see cref="BlockBytes"/>, its content undefined.</summary>
    public byte[] Rent()
    {
        lock (_lock)
        {
            if (_count > 0)
            {
                var block = _kept[--_count];
                _kept[_count] = null!;
                Interlocked.Increment(ref _reused);
                return block;
            }
        }

        return GC.AllocateUninitializedArray<byte>(BlockBytes);
    }

    /// <summary>Takes back blocks from <see cref="Rent"/> that nothing reads any more.</summary>
    public void Return(IReadOnlyList<byte[]> blocks)
    {
        lock (_lock)
        {
            foreach (var block in blocks)
            {
                if (_count == MaxKept)
                {
                    return;
                }

                _kept[_count++] = block;
            }
        }
    }
}

using Vigil.Ingestion.Listeners;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Copies the payloads of one hand-over, one after the other, into arrays of at most 64 KiB (a larger payload gets its
/// own): they lie in the listener's buffer only during the sink's call, and the events keep them as raw records.
/// </summary>
/// <remarks>
/// About one array per 64 KiB read instead of one per message. The bound keeps blocks off the large object heap, which
/// a read of the listener's 128 KiB buffer would reach and which only a full collection frees. When the payloads left
/// fill at least half a block, the block comes from the <see cref="PayloadBlockPool"/> and is listed in
/// <see cref="Pooled"/>, for the writer to return once the hand-over is committed; smaller reads (a trickle) get
/// arrays of their size, so that a queue of them does not hold a pooled block each. One value per hand-over, never
/// shared between two: a block goes back to the pool with its hand-over. A mutable value: pass it by reference.
/// </remarks>
internal struct PayloadBlocks(PayloadBlockPool? pool)
{
    private const int BlockBytes = PayloadBlockPool.BlockBytes;

    private byte[]? _block;
    private int _offset;
    private List<byte[]>? _pooled;

    /// <summary>The pooled blocks the payloads were copied into, or null when none was.</summary>
    public readonly List<byte[]>? Pooled => _pooled;

    /// <summary>
    /// A copy of the payload of <c>messages[index]</c>; the messages are copied in order, and those before
    /// <paramref name="end"/> (exclusive) may follow in the same block.
    /// </summary>
    public ReadOnlyMemory<byte> Keep(IReadOnlyList<ReceivedMessage> messages, int index, int end)
    {
        var payload = messages[index].Payload.Span;
        if (_block is null || _block.Length - _offset < payload.Length)
        {
            // Sized for this and the following payloads that fit in one block, so a read's last block is not oversized.
            var rest = 0;
            for (var j = index; j < end && rest + messages[j].Payload.Length <= BlockBytes; j++)
            {
                rest += messages[j].Payload.Length;
            }

            if (pool is not null && rest >= BlockBytes / 2)
            {
                _block = pool.Rent();
                (_pooled ??= []).Add(_block);
            }
            else
            {
                _block = GC.AllocateUninitializedArray<byte>(Math.Max(rest, payload.Length));
            }

            _offset = 0;
        }

        payload.CopyTo(_block.AsSpan(_offset));
        var kept = new ReadOnlyMemory<byte>(_block, _offset, payload.Length);
        _offset += payload.Length;
        return kept;
    }
}

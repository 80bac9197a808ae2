using Vigil.Ingestion.Listeners;

namespace Vigil.Monitoring.Ingest;

/// <summary>
/// Copies the payloads of one read, one after the other, into arrays of at most 64 KiB (a larger payload gets its
/// own): they lie in the listener's buffer only during the sink's call, and the events keep them as raw records.
/// </summary>
/// <remarks>
/// About one array per read instead of one per message. The bound keeps blocks off the large object heap, which a
/// read of the listener's 128 KiB buffer would reach and which only a full collection frees. A mutable value: pass it
/// by reference.
/// </remarks>
internal struct PayloadBlocks
{
    // Receive blocks stay under the large object heap's threshold (85,000 bytes).
    private const int BlockBytes = 64 * 1024;

    private byte[]? _block;
    private int _offset;

    /// <summary>A copy of the payload of <c>messages[index]</c>; the messages are copied in order.</summary>
    public ReadOnlyMemory<byte> Keep(IReadOnlyList<ReceivedMessage> messages, int index)
    {
        var payload = messages[index].Payload.Span;
        if (_block is null || _block.Length - _offset < payload.Length)
        {
            // Sized for this and the following payloads that fit in one block, so a read's last block is not oversized.
            var rest = 0;
            for (var j = index; j < messages.Count && rest + messages[j].Payload.Length <= BlockBytes; j++)
            {
                rest += messages[j].Payload.Length;
            }

            _block = GC.AllocateUninitializedArray<byte>(Math.Max(rest, payload.Length));
            _offset = 0;
        }

        payload.CopyTo(_block.AsSpan(_offset));
        var kept = new ReadOnlyMemory<byte>(_block, _offset, payload.Length);
        _offset += payload.Length;
        return kept;
    }
}

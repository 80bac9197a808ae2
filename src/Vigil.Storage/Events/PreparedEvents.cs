using Vigil.Events;

namespace Vigil.Storage.Events;

/// <summary>
/// Makes <see cref="EventRecord"/>s whose <c>fields</c> column is already written, so that the store's one writer only
/// binds it: the JSON (<see cref="FieldsJson"/>) is then built on the producer's thread, while the writer commits
/// earlier events. A record made any other way has its JSON built by the writer, as the same bytes.
/// </summary>
/// <remarks>
/// <para>
/// The JSON of successive events is written one after the other into blocks of 32 KiB (below the large object heap's
/// threshold, which only full collections free) and each record holds a slice of a block, as listeners' raw records
/// are slices of one array per read: no array per event. A value too large for a block gets an array of its own.
/// </para>
/// <para>
/// The JSON is of the event's fields as they are when the record is made, and of its raw record's bytes: neither may
/// change afterwards (a copy made with <c>with</c> has no prepared JSON). Not thread-safe: one per thread.
/// </para>
/// </remarks>
public sealed class PreparedEvents
{
    private const int BlockBytes = 32 * 1024;

    // Longer JSON gets its own array: at most this much of a block is left unused when the next JSON does not fit.
    private const int OwnArrayFrom = BlockBytes / 8;

    private readonly FieldsJson _json = new();
    private byte[]? _block;
    private int _offset;

    /// <summary>A record of <paramref name="logEvent"/> with its fields' JSON written.</summary>
    /// <param name="logEvent">The parsed event; its fields must not change from here on.</param>
    /// <param name="raw">The record as received (see <see cref="EventRecord.Raw"/>); it must not change either.</param>
    /// <param name="receivedAt">When Vigil received it.</param>
    public EventRecord Create(LogEvent logEvent, ReadOnlyMemory<byte> raw, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        return new EventRecord(logEvent, raw, receivedAt) { PreparedFields = Keep(_json.WriteUtf8(logEvent, raw.Span)) };
    }

    private ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> json)
    {
        if (json.Length >= OwnArrayFrom)
        {
            return json.ToArray();
        }

        if (_block is null || _block.Length - _offset < json.Length)
        {
            _block = GC.AllocateUninitializedArray<byte>(BlockBytes);
            _offset = 0;
        }

        json.CopyTo(_block.AsSpan(_offset));
        var kept = new ReadOnlyMemory<byte>(_block, _offset, json.Length);
        _offset += json.Length;
        return kept;
    }
}

using System.Runtime.InteropServices;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>
/// An append's events grouped into <see cref="EventBlocks"/> by kind of log and minute, a kind and minute's ids split
/// every <see cref="EventBlocks.Span"/>; fed one event at a time by the inserter, as each is inserted.
/// </summary>
/// <remarks>
/// <para>
/// Fed while the inserter has the event's record at hand: a second pass over a batch of 16,384 records after the
/// insert found few of them still in the processor's caches and cost about as much as writing their fields.
/// </para>
/// <para>
/// A batch interleaves a few kinds (syslog: one per program family), each one parser's constant string instance, so the
/// last few blocks reached are remembered with the kind as the event held it and nearly every event finds its block by
/// reference, without hashing and comparing the kind's text in the dictionary of open blocks. A remembered block is
/// always the dictionary's current one for its kind and minute (one that is replaced there is forgotten), so the
/// blocks are those the dictionary alone would give. Not thread-safe: one per append.
/// </para>
/// </remarks>
internal sealed class EventBlockGrouping
{
    // More than the kinds of log one source interleaves.
    private const int Remembered = 8;

    private readonly List<EventBlockWriter.Block> _blocks = [];
    private readonly Dictionary<(string, long), EventBlockWriter.Block> _open = [];
    private readonly (string? Kind, EventBlockWriter.Block? Block)[] _recent = new (string?, EventBlockWriter.Block?)[Remembered];
    private int _next;

    /// <summary>Adds an event.</summary>
    /// <param name="kind">Its kind of log as the event holds it (<see cref="Vigil.Events.LogEvent.SourceType"/>).</param>
    /// <param name="ts">Its time as stored (<see cref="Db.Micros"/> of <see cref="EventRecord.EventTime"/>).</param>
    /// <param name="id">Its id: ids are added in increasing order.</param>
    public void Add(string kind, long ts, long id)
    {
        var minute = EventBlocks.MinuteOf(ts);
        var block = FindRecent(kind, minute, id);
        if (block is null)
        {
            var source = Db.Text(kind);
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, (source, minute), out _);
            if (slot is null || id - slot.First >= EventBlocks.Span)
            {
                Forget(slot);
                slot = new EventBlockWriter.Block(source, minute, id, ts);
                _blocks.Add(slot);
            }

            block = slot;
            _recent[_next] = (kind, block);
            _next = (_next + 1) % _recent.Length;
        }

        block.Add(id, ts);
    }

    /// <summary>The blocks in order of their first ids.</summary>
    public List<EventBlockWriter.Block> Blocks()
    {
        _blocks.Sort(static (a, b) => a.First.CompareTo(b.First));
        return _blocks;
    }

    // The open block for this kind (by reference) and minute that still has room for id, or null.
    private EventBlockWriter.Block? FindRecent(string kind, long minute, long id)
    {
        foreach (var (k, block) in _recent)
        {
            if (block is not null && ReferenceEquals(k, kind) && block.Minute == minute && id - block.First < EventBlocks.Span)
            {
                return block;
            }
        }

        return null;
    }

    private void Forget(EventBlockWriter.Block? block)
    {
        for (var i = 0; block is not null && i < _recent.Length; i++)
        {
            if (ReferenceEquals(_recent[i].Block, block))
            {
                _recent[i] = default;
            }
        }
    }
}

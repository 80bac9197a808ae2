namespace Vigil.Detection.Engine;

/// <summary>
/// The buckets of recently seen (channel, EventID) pairs, found by string instance: routing an event then costs a
/// few character reads and two reference comparisons instead of a case-insensitive hash and compare of its channel
/// name.
/// </summary>
/// <remarks>
/// Readers share the strings of values that repeat (the JSON reader's value cache and small-number table, the EVTX
/// reader's string tables), so the events of one log carry the same channel and EventID instances over and over. A
/// pair seen under other instances misses and is routed by value as before, so a miss is never wrong, only slower.
/// Direct-mapped: each slot holds the last pair that hashed to it. Not thread-safe, like the engine.
/// </remarks>
internal sealed class RouteCache
{
    private const int Size = 256;
    private readonly Entry[] _entries = new Entry[Size];

    /// <summary>The bucket remembered for these exact string instances, or null.</summary>
    public Bucket? Find(string channel, string eventId)
    {
        ref var entry = ref _entries[Slot(channel, eventId)];
        return ReferenceEquals(entry.Channel, channel) && ReferenceEquals(entry.EventId, eventId) ? entry.Bucket : null;
    }

    /// <summary>Remembers the bucket of a pair (replacing whatever pair shared its slot).</summary>
    public void Remember(string channel, string eventId, Bucket bucket) =>
        _entries[Slot(channel, eventId)] = new Entry(channel, eventId, bucket);

    // A hash of the characters that tell common pairs apart (EventIDs are short; channels differ in length and their
    // last character), cheap enough to be paid on every event.
    private static int Slot(string channel, string eventId)
    {
        var hash = (uint)channel.Length * 0x9E3779B1u;
        if (channel.Length > 0)
        {
            hash ^= channel[^1] * 0x85EBCA77u;
        }

        hash ^= (uint)eventId.Length;
        foreach (var c in eventId.AsSpan(0, Math.Min(eventId.Length, 8)))
        {
            hash = (hash ^ c) * 0x01000193u;
        }

        return (int)((hash ^ (hash >> 15)) & (Size - 1));
    }

    private readonly record struct Entry(string? Channel, string? EventId, Bucket? Bucket);
}

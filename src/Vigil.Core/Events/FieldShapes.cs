namespace Vigil.Events;

/// <summary>
/// Shared arrays of field-name ids: events parsed from one kind of message carry the same names in the same order
/// (a syslog line of one daemon, a row of one W3C layout), so compact events hold one array per shape instead of one
/// each.
/// </summary>
/// <remarks>
/// A fixed table indexed by a hash of the ids; a slot holds the last shape that hashed there, so a miss costs only the
/// array it would have cost anyway. The arrays handed out are never written (an event that gets a field added later
/// copies its ids first). Thread-safe without locks: a slot is one reference, read and written whole, and a lost race
/// only replaces an entry.
/// </remarks>
internal static class FieldShapes
{
    private const int Slots = 512;

    // Longer sequences are rare (JSON with many properties) and would mostly churn the table.
    private const int MaxLength = 64;

    private static readonly int[]?[] Table = new int[]?[Slots];

    /// <summary>An array holding exactly <paramref name="ids"/>, shared with earlier calls for the same sequence.</summary>
    public static int[] Get(ReadOnlySpan<int> ids)
    {
        if (ids.IsEmpty)
        {
            return [];
        }

        if (ids.Length > MaxLength)
        {
            return ids.ToArray();
        }

        var slot = (int)(Hash(ids) & (Slots - 1));
        var cached = Volatile.Read(ref Table[slot]);
        if (cached is not null && ids.SequenceEqual(cached))
        {
            return cached;
        }

        var made = ids.ToArray();
        Volatile.Write(ref Table[slot], made);
        return made;
    }

    // FNV-1a with an id per step (ids are small and dense): sequences are short, and collisions only cost a miss.
    private static uint Hash(ReadOnlySpan<int> ids)
    {
        var hash = 2166136261u;
        foreach (var id in ids)
        {
            hash = (hash ^ (uint)id) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}

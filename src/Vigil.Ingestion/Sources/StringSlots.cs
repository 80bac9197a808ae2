namespace Vigil.Ingestion.Sources;

/// <summary>
/// The slot step of <see cref="TokenCache"/> and <see cref="ProcessIds"/>: a slot holds the last string that landed
/// there; a hit is checked character by character, so a collision only costs the allocation it would have cost anyway.
/// </summary>
/// <remarks>
/// Thread-safe without locks: a slot is one reference, read and written whole, and a lost race only replaces an entry.
/// </remarks>
internal static class StringSlots
{
    /// <summary>The string in <paramref name="slot"/> when it holds <paramref name="text"/>; else a new one, left there.</summary>
    public static string Take(ref string? slot, ReadOnlySpan<char> text)
    {
        var cached = Volatile.Read(ref slot);
        if (cached is not null && text.SequenceEqual(cached))
        {
            return cached;
        }

        var made = text.ToString();
        Volatile.Write(ref slot, made);
        return made;
    }
}

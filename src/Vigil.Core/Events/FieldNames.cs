using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Vigil.Events;

/// <summary>
/// Interns field names to small integer ids, so that compiled rules look fields up by id instead of hashing a
/// string for every rule and every event.
/// </summary>
/// <remarks>
/// One process-wide table: ids are dense, start at 0 and are never reused. Thread-safe; <see cref="Intern(string)"/>
/// takes a lock only for a name it has not seen. Names are case-sensitive, as in the logs.
/// </remarks>
public static class FieldNames
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanIds =
        Ids.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Lock Gate = new();
    private static string[] _names = new string[256];
    private static int _count;

    /// <summary>How many names have been interned so far.</summary>
    public static int Count => Volatile.Read(ref _count);

    /// <summary>The id of <paramref name="name"/>, adding it when new.</summary>
    public static int Intern(string name) => Ids.TryGetValue(name, out var id) ? id : Add(name);

    /// <summary>The id of <paramref name="name"/>, adding it when new; allocates only for a new name.</summary>
    public static int Intern(ReadOnlySpan<char> name) => SpanIds.TryGetValue(name, out var id) ? id : Add(name.ToString());

    /// <summary>The id of a name already interned, or -1.</summary>
    /// <remarks>
    /// Callers look names up by the same string instances (literals) over and over, so a small per-thread cache keyed
    /// by reference answers most lookups without hashing the text. Safe because ids never change or go away.
    /// </remarks>
    public static int Find(string name)
    {
        var cache = _findCache ??= new FoundName[FindCacheSize];
        ref var slot = ref cache[RuntimeHelpers.GetHashCode(name) & (FindCacheSize - 1)];
        if (ReferenceEquals(slot.Name, name))
        {
            return slot.Id;
        }

        if (!Ids.TryGetValue(name, out var id))
        {
            return -1;
        }

        slot = new FoundName(name, id);
        return id;
    }

    /// <summary>The name behind <paramref name="id"/>.</summary>
    public static string NameOf(int id) => Volatile.Read(ref _names)[id];

    private const int FindCacheSize = 256;

    [ThreadStatic]
    private static FoundName[]? _findCache;

    private static int Add(string name)
    {
        lock (Gate)
        {
            if (Ids.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var id = _count;
            if (id == _names.Length)
            {
                var grown = new string[_names.Length * 2];
                Array.Copy(_names, grown, id);
                Volatile.Write(ref _names, grown);
            }

            _names[id] = name;
            Volatile.Write(ref _count, id + 1);
            Ids[name] = id;
            return id;
        }
    }

    private readonly record struct FoundName(string? Name, int Id);
}

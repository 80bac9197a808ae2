using System.Text;

namespace Vigil.Ingestion.Json;

/// <summary>
/// The field paths seen by one reader, as a tree of nodes keyed by parent and UTF-8 name bytes, each caching what
/// its leaf resolves to (interned field ids).
/// </summary>
/// <remarks>
/// Logs repeat the same paths event after event; this table lets the hot path skip decoding names, interning and
/// Windows name mapping. It is cleared between events once it holds <see cref="MaxNodes"/> nodes, so input with
/// ever-new keys cannot grow it without bound. Not thread-safe.
/// </remarks>
internal sealed class PathTable
{
    /// <summary>The node of the event's root object (the empty path).</summary>
    public const int Root = 0;

    /// <summary>The node count above which <see cref="ClearIfLarge"/> starts afresh.</summary>
    public const int MaxNodes = 1 << 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private int[] _buckets = new int[1024];
    private PathNode[] _nodes = new PathNode[256];
    private byte[] _names = new byte[8192];
    private int _count;
    private int _namesLength;

    public PathTable() => Clear();

    /// <summary>The node for name <paramref name="name"/> (unescaped UTF-8) under <paramref name="parent"/>, added when new.</summary>
    /// <param name="parent">The node of the object the name is in.</param>
    /// <param name="previous">The node of the name before it in that object, or -1 for the first.</param>
    /// <param name="name">The name's bytes.</param>
    /// <remarks>
    /// Events of one log mostly repeat the same names in the same order, so the name that followed
    /// <paramref name="previous"/> last time is tried first: one comparison instead of hashing.
    /// </remarks>
    public int Child(int parent, int previous, ReadOnlySpan<byte> name)
    {
        ref var link = ref previous >= 0 ? ref _nodes[previous].NextGuess : ref _nodes[parent].FirstGuess;
        var guess = link;
        if (guess > 0 && _names.AsSpan(_nodes[guess].NameStart, _nodes[guess].NameLength).SequenceEqual(name))
        {
            return guess;
        }

        var found = Find(parent, name);
        // `link` may point into the old array if Find grew it, so write through the index again.
        if (previous >= 0)
        {
            _nodes[previous].NextGuess = found;
        }
        else
        {
            _nodes[parent].FirstGuess = found;
        }

        return found;
    }

    /// <summary>The node's parent, or -1 for <see cref="Root"/>.</summary>
    public int ParentOf(int node) => _nodes[node].Parent;

    /// <summary>The node's own name, as UTF-8.</summary>
    public ReadOnlySpan<byte> NameOf(int node) => _names.AsSpan(_nodes[node].NameStart, _nodes[node].NameLength);

    /// <summary>The node's data, resolved ids included.</summary>
    public ref PathNode this[int node] => ref _nodes[node];

    /// <summary>Whether a value of <paramref name="length"/> bytes under <paramref name="node"/> is worth a <see cref="ValueCache"/> lookup.</summary>
    public bool Caches(int node, int length) => length <= ValueCache.MaxBytes && !_nodes[node].CacheOff;

    /// <summary>Counts a cache hit or miss under <paramref name="node"/>.</summary>
    /// <remarks>A node whose values rarely repeat (a GUID, a time) stops using the cache.</remarks>
    public void Count(int node, bool hit)
    {
        ref var n = ref _nodes[node];
        if (hit)
        {
            n.Hits++;
        }
        else if (++n.Misses > 64 && n.Misses > 4 * n.Hits)
        {
            n.CacheOff = true;
        }
    }

    /// <summary>Decodes UTF-8 to a string, throwing on invalid bytes instead of replacing them.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes) => StrictUtf8.GetString(bytes);

    /// <summary>Starts afresh when the table has grown past <see cref="MaxNodes"/>; call only between events.</summary>
    public void ClearIfLarge()
    {
        if (_count > MaxNodes)
        {
            Clear();
        }
    }

    private int Find(int parent, ReadOnlySpan<byte> name)
    {
        var hash = Hash(parent, name);
        var bucket = hash & (_buckets.Length - 1);
        for (var index = _buckets[bucket] - 1; index >= 0; index = _nodes[index].Next)
        {
            ref var node = ref _nodes[index];
            if (node.Hash == hash && node.Parent == parent && _names.AsSpan(node.NameStart, node.NameLength).SequenceEqual(name))
            {
                return index;
            }
        }

        return Add(parent, name, hash, bucket);
    }

    private static int Hash(int parent, ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.Add(parent);
        hash.AddBytes(name);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_nodes, 0, _count);
        _count = 1;
        _namesLength = 0;
        _nodes[Root] = new PathNode { Parent = -1, Next = -1, FieldId = PathNode.Unresolved };
    }

    private int Add(int parent, ReadOnlySpan<byte> name, int hash, int bucket)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
        }

        if (_namesLength + name.Length > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, _namesLength + name.Length));
        }

        name.CopyTo(_names.AsSpan(_namesLength));
        var index = _count++;
        _nodes[index] = new PathNode
        {
            Parent = parent,
            Hash = hash,
            NameStart = _namesLength,
            NameLength = name.Length,
            Next = _buckets[bucket] - 1,
            FieldId = PathNode.Unresolved,
        };
        _namesLength += name.Length;
        _buckets[bucket] = index + 1;
        if (_count > _buckets.Length)
        {
            Rehash();
        }

        return index;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        for (var i = 1; i < _count; i++)
        {
            var bucket = _nodes[i].Hash & (_buckets.Length - 1);
            _nodes[i].Next = _buckets[bucket] - 1;
            _buckets[bucket] = i + 1;
        }
    }
}

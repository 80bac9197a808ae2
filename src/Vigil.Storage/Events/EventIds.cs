using System.Collections;

namespace Vigil.Storage.Events;

/// <summary>
/// The ids of one append, in chunks of <see cref="ChunkLength"/>, so that no array of a large batch lands on the large
/// object heap.
/// </summary>
/// <remarks>
/// An array of 16,384 ids (the serve writer's batch) is 128 KiB: above the runtime's 85,000-byte threshold it is a
/// large object, and large objects allocated beyond a small budget make the next collection a full one, which marks
/// the whole heap (the loaded rules among it) with every thread stopped.
/// </remarks>
public sealed class EventIds : IReadOnlyList<long>
{
    /// <summary>Ids per chunk: 8,192 (64 KiB), below the large object threshold.</summary>
    public const int ChunkLength = 8192;

    private readonly long[][] _chunks;

    /// <summary>Room for <paramref name="count"/> ids, all 0.</summary>
    public EventIds(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
        _chunks = new long[(count + ChunkLength - 1) / ChunkLength][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = new long[Math.Min(ChunkLength, count - (c * ChunkLength))];
        }
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public long this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _chunks[index / ChunkLength][index % ChunkLength];
        }

        internal set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            _chunks[index / ChunkLength][index % ChunkLength] = value;
        }
    }

    /// <summary>The ids <c>[start, start + length)</c> as one new array.</summary>
    public long[] Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, Count - length);
        var slice = new long[length];
        for (var done = 0; done < length;)
        {
            var at = start + done;
            var chunk = _chunks[at / ChunkLength];
            var from = at % ChunkLength;
            var take = Math.Min(length - done, chunk.Length - from);
            Array.Copy(chunk, from, slice, done, take);
            done += take;
        }

        return slice;
    }

    /// <inheritdoc/>
    public IEnumerator<long> GetEnumerator()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var id in chunk)
            {
                yield return id;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

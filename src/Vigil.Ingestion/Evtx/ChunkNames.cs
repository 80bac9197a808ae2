using System.Buffers.Binary;
using System.Text;

namespace Vigil.Ingestion.Evtx;

/// <summary>The element and attribute names of one chunk, decoded once each and found by their chunk offset.</summary>
/// <remarks>
/// A name is stored once per chunk (next-name offset, hash, UTF-16 length, the characters and a NUL) and referred to
/// by its offset afterwards. Bounded by the chunk: at most one entry per offset. Not thread-safe.
/// </remarks>
internal sealed class ChunkNames
{
    private const int HeaderSize = 8;

    private readonly Dictionary<int, string> _names = [];
    private byte[] _chunk = [];

    /// <summary>Forgets the names of the previous chunk.</summary>
    public void BeginChunk(byte[] chunk)
    {
        _chunk = chunk;
        _names.Clear();
    }

    /// <summary>The bytes the name at <paramref name="offset"/> takes, once <see cref="At"/> has checked it.</summary>
    public static int SizeAt(byte[] chunk, int offset) =>
        HeaderSize + (2 * BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan(offset + 6))) + 2;

    /// <summary>The name stored at <paramref name="offset"/> of the chunk.</summary>
    /// <exception cref="EvtxFormatException">The name lies outside the chunk.</exception>
    public string At(int offset)
    {
        if (_names.TryGetValue(offset, out var cached))
        {
            return cached;
        }

        if (offset < 0 || offset > _chunk.Length - HeaderSize)
        {
            throw new EvtxFormatException($"a name offset {offset} is outside the chunk");
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(offset + 6));
        EvtxChunk.Need(offset + HeaderSize, 2 * length, _chunk.Length);
        var name = Encoding.Unicode.GetString(_chunk, offset + HeaderSize, 2 * length);
        _names[offset] = name;
        return name;
    }
}

using System.Buffers.Binary;
using System.IO.Hashing;

namespace Vigil.Ingestion.Evtx;

/// <summary>The layout of a 64 KiB EVTX chunk and its checks.</summary>
/// <remarks>
/// A chunk is a 512-byte header (magic <c>ElfChnk\0</c>, record numbers and ids, the free space offset, the CRC32 of
/// the records and the CRC32 of the header itself, then the tables of common strings and templates) followed by
/// records up to the free space offset. Stateless and thread-safe.
/// </remarks>
internal static class EvtxChunk
{
    /// <summary>The size of every chunk.</summary>
    public const int Size = 64 * 1024;

    /// <summary>The size of the chunk header; records start after it.</summary>
    public const int HeaderSize = 512;

    /// <summary>The magic bytes a chunk starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "ElfChnk\0"u8;

    /// <summary>The end of the records: the free space offset, or null when it is impossible.</summary>
    public static int? RecordsEnd(ReadOnlySpan<byte> chunk)
    {
        var free = BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        return free is >= HeaderSize and <= Size ? (int)free : null;
    }

    /// <summary>Why the chunk fails its checks, or null when it passes them.</summary>
    public static string? Check(ReadOnlySpan<byte> chunk)
    {
        if (!chunk.StartsWith(Magic))
        {
            return chunk.IndexOfAnyExcept((byte)0) < 0
                ? "the chunk is all zeros; it was skipped"
                : "the chunk does not start with the chunk magic ElfChnk; it was skipped";
        }

        var crc = new Crc32();
        crc.Append(chunk[..120]);
        crc.Append(chunk[128..HeaderSize]);
        if (crc.GetCurrentHashAsUInt32() != BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]))
        {
            return "the chunk header fails its CRC32 check; the chunk was skipped";
        }

        if (RecordsEnd(chunk) is not { } end)
        {
            return "the chunk's free space offset is outside the chunk; the chunk was skipped";
        }

        return Crc32.HashToUInt32(chunk[HeaderSize..end]) != BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..])
            ? "the chunk's records fail their CRC32 check; the chunk was skipped"
            : null;
    }

    /// <summary>Throws unless [<paramref name="pos"/>, <paramref name="pos"/> + <paramref name="count"/>) lies before <paramref name="end"/>.</summary>
    /// <exception cref="EvtxFormatException">The range runs past the end of its scope.</exception>
    public static void Need(int pos, int count, int end)
    {
        if (count < 0 || pos < 0 || pos > end - count)
        {
            throw new EvtxFormatException($"the binary XML runs past its end at offset {pos}");
        }
    }
}

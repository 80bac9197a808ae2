using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Vigil.Ingestion.Json;

/// <summary>
/// A small direct-mapped cache from a JSON token's bytes to its decoded string, so that values logs repeat
/// (Channel, Computer, Provider_Name, user names, images) are allocated once rather than per event.
/// </summary>
/// <remarks>
/// A slot holds one value; a colliding value replaces it, so crafted input can only cost misses, never a long chain.
/// The same bytes always decode to the same string (escaped or not, string or number), so entries are shared across
/// fields. Not thread-safe: one per reader.
/// </remarks>
internal sealed class ValueCache
{
    /// <summary>The longest token cached; longer values rarely repeat and would cost a copy each time.</summary>
    public const int MaxBytes = 128;

    private const int Slots = 4096;

    private readonly Entry[] _entries = new Entry[Slots];

    /// <summary>The string cached for <paramref name="raw"/>; else false, with the slot to <see cref="Set"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> raw, out int slot, out string? value)
    {
        slot = (int)(Hash(raw) & (Slots - 1));
        ref var entry = ref _entries[slot];
        if (entry.Value is not null && raw.SequenceEqual(entry.Bytes.AsSpan(0, entry.Length)))
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Caches <paramref name="value"/>, decoded from <paramref name="raw"/>, in <paramref name="slot"/>.</summary>
    public void Set(int slot, ReadOnlySpan<byte> raw, string value)
    {
        ref var entry = ref _entries[slot];
        entry.Bytes ??= new byte[MaxBytes];
        raw.CopyTo(entry.Bytes);
        entry.Length = raw.Length;
        entry.Value = value;
    }

    // A fast, unkeyed hash: fine here because a slot never chains (see remarks).
    private static ulong Hash(ReadOnlySpan<byte> raw)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)raw.Length * Multiplier;
        while (raw.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(raw)) * Multiplier, 29);
            raw = raw[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            tail = (tail << 8) | raw[i];
        }

        hash = (hash ^ tail) * Multiplier;
        return hash ^ (hash >> 32);
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Entry
    {
        public byte[]? Bytes;
        public int Length;
        public string? Value;
    }
}

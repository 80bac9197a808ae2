using System.Runtime.InteropServices;

namespace Vigil.Detection.Prefilter;

/// <summary>
/// The prefilter scans of one field of one bucket (its own <see cref="FieldIndex"/> and the keyword index, which
/// looks at every field), with a small cache of the hits of the values seen last: logs repeat most values (Image,
/// ParentImage, User, EventID, Provider_Name...), and a repeated value's hits are replayed instead of scanned again.
/// </summary>
/// <remarks>
/// Sound because a value's hits depend on the value alone (each scanner reports what it finds in this one value,
/// whatever came before): a cached value is compared in full, never by its hash. Bounded: a direct-mapped table of
/// <see cref="Slots"/> values, a colliding value replaces the older one (crafted input can only cost misses), and
/// values longer than <see cref="MaxLength"/> are never kept. Fields whose values rarely repeat (command lines,
/// times, GUIDs) pay for a lookup and a copy on every value and gain nothing, so the cache watches its own hit rate
/// and steps aside for a while when fewer than one lookup in four hits. Not thread-safe.
/// </remarks>
internal sealed class MemoizedScan
{
    /// <summary>Values longer than this are scanned every time (rarely repeated, and kept alive by the cache).</summary>
    public const int MaxLength = 512;

    private const int SlotBits = 8;
    private const int Slots = 1 << SlotBits;
    private const int Window = 2048;
    private const int Pause = 1 << 15;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    private readonly FieldIndex? _own;
    private readonly FieldIndex? _any;
    private readonly int _shortest;
    private Slot[]? _slots;
    private int _lookups;
    private int _hits;
    private int _paused;

    public MemoizedScan(FieldIndex? own, FieldIndex? any)
    {
        _own = own;
        _any = any;
        _shortest = Math.Min(own?.Shortest ?? int.MaxValue, any?.Shortest ?? int.MaxValue);
    }

    /// <summary>Reports to <paramref name="sink"/> the hits of <paramref name="value"/>.</summary>
    public void Scan(string value, CandidateSet sink)
    {
        if (value.Length < _shortest)
        {
            // Shorter than every literal of both indexes: nothing to find, no need to hash or look up (short values
            // such as levels, flags and ids are most of an event's fields, and a bucket with keyword rules sees them all).
            return;
        }

        if (_paused > 0 || value.Length > MaxLength)
        {
            _paused = Math.Max(_paused - 1, 0);
            ScanDirect(value, sink);
            return;
        }

        _slots ??= new Slot[Slots];
        var hash = Hash(value);
        ref var slot = ref _slots[(int)(hash >> (64 - SlotBits))];
        if (++_lookups == Window)
        {
            // Fewer than one lookup in four answered from the cache: scan directly for a while, then try again.
            _paused = _hits < Window / 4 ? Pause : 0;
            _lookups = _hits = 0;
        }

        // The hash first: a different value is told apart without reading the cached string (a cache miss).
        if (slot.Hash == hash && slot.Value is { } cached && (ReferenceEquals(cached, value) || string.Equals(cached, value, StringComparison.Ordinal)))
        {
            _hits++;
            foreach (var payload in slot.Payloads)
            {
                sink.Hit(payload);
            }

            return;
        }

        sink.StartRecording();
        ScanDirect(value, sink);
        var recorded = sink.StopRecording();
        slot.Value = value;
        slot.Hash = hash;
        slot.Payloads = recorded.IsEmpty ? [] : recorded.ToArray();
    }

    private void ScanDirect(string value, CandidateSet sink)
    {
        _own?.Scan(value, sink);
        _any?.Scan(value, sink);
    }

    /// <summary>A hash of the length and three 4-character samples (start, middle, end): a few loads, no loop.</summary>
    private static ulong Hash(string value)
    {
        var hash = (ulong)value.Length * Multiplier;
        if (value.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(value.AsSpan());
            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes)) * Multiplier;
            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes[^8..])) * Multiplier;
            hash = (hash ^ MemoryMarshal.Read<ulong>(bytes[(((value.Length / 2) - 2) * 2)..])) * Multiplier;
        }
        else
        {
            foreach (var c in value)
            {
                hash = (hash ^ c) * Multiplier;
            }
        }

        return hash ^ (hash >> 29);
    }

    private struct Slot
    {
        public string? Value;
        public ulong Hash;
        public int[] Payloads;
    }
}

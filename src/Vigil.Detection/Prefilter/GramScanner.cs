namespace Vigil.Detection.Prefilter;

/// <summary>
/// Finds which of many literals occur in a text, case-insensitively: each literal is indexed by one of its
/// <see cref="Q"/>-character grams (a shorter literal by itself), chosen as the gram that the fewest of the literals
/// share (a static guess at the rarest, from the rules alone: common grams such as <c>.EXE</c> appear in many literals
/// and in most values); a scan keeps the last <see cref="Q"/> characters as one 32-bit key, tests it against a bitmap
/// of the anchors, and only when the bitmap answers yes looks the key up and compares the whole literal in place.
/// </summary>
/// <remarks>
/// Replaces an Aho-Corasick automaton over literal tails: the automaton's next state depends on
/// the previous one, so a scan was a chain of dependent loads through a table far larger than the cache; here each
/// character costs a shift, a multiply and one load from a bitmap sized to stay cache-resident, independent of the
/// characters before it. Characters are folded with <see cref="char.ToUpperInvariant"/>, one UTF-16 unit at a time
/// (ASCII text in one vectorised pass to bytes); a character outside ASCII keys in the upper half of its byte.
/// A literal found is reported once per scan, so that the hits of one value are the same whichever values were
/// scanned before it (<see cref="MemoizedScan"/> replays them). Not thread-safe.
/// </remarks>
internal sealed partial class GramScanner
{
    /// <summary>The gram length: four characters of 8 bits each fill the 32-bit key.</summary>
    public const int Q = 4;

    /// <summary>Sets up to this many literals, all ASCII, also get a vectorised first pass.</summary>
    private const int MaxGated = 64;

    private const uint Golden = 0x9E3779B1u;

    private readonly System.Buffers.SearchValues<string>? _gate;

    private readonly ulong[] _bits;
    private readonly int _bitShift;
    private readonly ulong[] _shortBits;
    private readonly int _shortShift;
    private readonly uint[] _shortMasks;
    // On ASCII text, the gate of the literals shorter than a gram (null: there is none): a bitmap of the last three
    // bytes at which an ASCII one of two or three characters can end (see ShortGate), and per byte, whether a
    // one-character literal is that byte.
    private readonly ulong[]? _shortGate;
    private readonly int _shortGateShift;
    private readonly bool[] _singles = new bool[256];
    private byte[] _folded = new byte[256];
    // Open addressing from an anchor key to its first entry: key in the low half, entry + 1 in the high half (0:
    // empty), so that a probe reads one word per slot.
    private readonly ulong[] _slots;
    private readonly int _slotShift;
    private readonly Entry[] _entries;
    private readonly int[] _payloads;

    private readonly int _shortest;

    // Which scan is running: an entry found in this scan has Seen == _scan (never reset: 64 bits do not wrap).
    private long _scan;

    public GramScanner(IReadOnlyList<(string Literal, int Payload)> items)
    {
        // One entry per distinct folded literal, with all its payloads.
        var byLiteral = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (literal, payload) in items)
        {
            if (literal.Length == 0)
            {
                throw new ArgumentException("literals must not be empty", nameof(items));
            }

            var folded = Fold(literal);
            if (!byLiteral.TryGetValue(folded, out var list))
            {
                byLiteral[folded] = list = [];
            }

            list.Add(payload);
        }

        // How many literals hold each gram: the anchor of a literal is its least shared gram.
        var shared = new Dictionary<uint, int>();
        foreach (var literal in byLiteral.Keys.Where(static l => l.Length >= Q))
        {
            foreach (var key in Enumerable.Range(0, literal.Length - Q + 1).Select(k => KeyAt(literal, k, Q)).Distinct())
            {
                shared[key] = shared.GetValueOrDefault(key) + 1;
            }
        }

        var entries = byLiteral
            .Select(kv =>
            {
                // A literal shorter than a gram is its own anchor, a key of fewer bytes.
                var length = Math.Min(kv.Key.Length, Q);
                var best = Enumerable.Range(0, kv.Key.Length - length + 1).MinBy(k => (length < Q ? 0 : shared[KeyAt(kv.Key, k, Q)], -k));
                return (Key: KeyAt(kv.Key, best, length), Literal: kv.Key, AnchorEnd: best + length - 1, Payloads: kv.Value.Distinct().Order().ToArray());
            })
            .OrderBy(static e => e.Key)
            .ToArray();
        _entries = new Entry[entries.Length];
        var payloadStart = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            // The first payload is kept in the entry (most literals have one); the others in _payloads.
            var more = entries[i].Payloads.Length - 1;
            _entries[i] = new Entry(entries[i].Key, entries[i].AnchorEnd, entries[i].Payloads[0], payloadStart, payloadStart + more, entries[i].Literal);
            payloadStart += more;
        }

        _payloads = [.. entries.SelectMany(static e => e.Payloads.Skip(1))];
        _shortest = entries.Length == 0 ? 0 : entries.Min(static e => e.Literal.Length);
        if (entries.Length <= MaxGated && entries.All(static e => System.Text.Ascii.IsValid(e.Literal)))
        {
            _gate = System.Buffers.SearchValues.Create([.. entries.Select(static e => e.Literal)], StringComparison.OrdinalIgnoreCase);
        }

        // The bitmap: about 32 bits per distinct anchor, so that few positions of a text pass it by chance.
        // Literals shorter than a gram have their own bitmap, tested once per length present.
        var keys = entries.Select(static e => e.Key).Distinct().ToArray();
        (_bits, _bitShift) = Bitmap(entries.Where(static e => e.Literal.Length >= Q).Select(static e => e.Key).Distinct().ToArray());
        (_shortBits, _shortShift) = Bitmap(entries.Where(static e => e.Literal.Length < Q).Select(static e => e.Key).Distinct().ToArray());
        // On ASCII text, a literal shorter than a gram is probed only where the gate lets it through.
        var shortAscii = entries.Where(static e => e.Literal.Length < Q && System.Text.Ascii.IsValid(e.Literal)).Select(static e => e.Literal).ToArray();
        if (shortAscii.Length > 0)
        {
            (_shortGate, _shortGateShift) = ShortGate(shortAscii, _singles);
        }

        _shortMasks = [.. entries.Where(static e => e.Literal.Length < Q).Select(static e => e.Literal.Length).Distinct().Order()
            .Select(static length => uint.MaxValue >> (32 - (8 * length)))];

        // The table from an anchor key to its entries (a run of the sorted entries), open addressing.
        var slotLog = Math.Max(Log2Ceiling(keys.Length * 2), 4);
        _slotShift = 32 - slotLog;
        _slots = new ulong[1 << slotLog];
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0 && entries[i - 1].Key == entries[i].Key)
            {
                continue;
            }

            var slot = (int)((entries[i].Key * Golden) >> _slotShift);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = ((ulong)(i + 1) << 32) | entries[i].Key;
        }
    }

    /// <summary>How many distinct literals the scanner holds.</summary>
    public int Count => _entries.Length;

    /// <summary>Reports to <paramref name="sink"/> the payloads of every literal found in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, CandidateSet sink)
    {
        if (text.Length < _shortest)
        {
            // No literal fits (most values of the keyword scanners, whose literals are long, and short codes).
            return;
        }

        _scan++;
        if (_gate is not null)
        {
            // Small sets of ASCII literals: a vectorised search for the first occurrence of any of them skips the
            // text before it, usually all of it. Only on ASCII text, where both searches fold case the same way.
            if (!System.Text.Ascii.IsValid(text))
            {
                ScanChars(text, sink);
                return;
            }

            var first = text.IndexOfAny(_gate);
            if (first < 0)
            {
                return;
            }

            text = text[first..];
        }

        // ASCII text (nearly all of it) is upper-cased and narrowed to bytes in one vectorised pass, which also
        // tells whether it was ASCII; the scan then reads one byte per position, with no case folding and no
        // branch on the character, only on the (rare) bitmap hits.
        if (_folded.Length < text.Length)
        {
            _folded = new byte[Math.Max(text.Length, _folded.Length * 2)];
        }

        if (System.Text.Ascii.ToUpper(text, _folded, out _) != System.Buffers.OperationStatus.Done)
        {
            ScanChars(text, sink);
            return;
        }

        var bytes = _folded.AsSpan(0, text.Length);
        var bits = _bits;
        var shift = _bitShift;
        uint key = 0;
        if (_shortGate is { } gate)
        {
            // With literals shorter than a gram: also probed where one of them can end. The gate is one bit test of
            // the last three bytes (in L1: a few hundred keys), where testing the last byte alone let most positions
            // through (many short literals end with a space or a common letter).
            var gateShift = _shortGateShift;
            var singles = _singles;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                key = (key << 8) | b;
                var h = (key * Golden) >> shift;
                if ((bits[h >> 6] & (1UL << (int)h)) != 0)
                {
                    Probe(key, text, bytes, i, sink);
                }

                var g = ((key & 0xFFFFFF) * Golden) >> gateShift;
                if ((gate[g >> 6] & (1UL << (int)g)) != 0 || singles[b])
                {
                    ProbeShort(key, text, bytes, i, sink);
                }
            }

            return;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            key = (key << 8) | bytes[i];
            var h = (key * Golden) >> shift;
            if ((bits[h >> 6] & (1UL << (int)h)) != 0)
            {
                Probe(key, text, bytes, i, sink);
            }
        }
    }

    /// <summary>The scan of text holding characters outside ASCII: each character folded on its own.</summary>
    private void ScanChars(ReadOnlySpan<char> text, CandidateSet sink)
    {
        var bits = _bits;
        var shift = _bitShift;
        uint key = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            key = (key << 8) | ByteOf(c < 128 ? (char)(c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c));
            var h = (key * Golden) >> shift;
            if ((bits[h >> 6] & (1UL << (int)h)) != 0)
            {
                Probe(key, text, [], i, sink);
            }

            if (_shortMasks.Length > 0)
            {
                ProbeShort(key, text, [], i, sink);
            }
        }
    }

    /// <summary>Probes the literals shorter than a gram that end at <paramref name="end"/>.</summary>
    private void ProbeShort(uint key, ReadOnlySpan<char> text, ReadOnlySpan<byte> bytes, int end, CandidateSet sink)
    {
        foreach (var mask in _shortMasks)
        {
            var k = key & mask;
            var s = (k * Golden) >> _shortShift;
            if ((_shortBits[s >> 6] & (1UL << (int)s)) != 0)
            {
                Probe(k, text, bytes, end, sink);
            }
        }
    }

    /// <summary>Folds a literal as a scan folds text.</summary>
    internal static string Fold(string literal) => string.Create(literal.Length, literal, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = char.ToUpperInvariant(s[i]);
        }
    });

    /// <summary>
    /// A folded character as one byte of a key: ASCII as itself, anything else in the upper half, so that a literal
    /// outside ASCII (an emoji's surrogates, a symbol) never shares a key with ASCII text.
    /// </summary>
    private static uint ByteOf(char folded) => folded < 128 ? folded : 0x80u | (folded & 0x7Fu);

    private static uint KeyAt(string folded, int start, int length)
    {
        uint key = 0;
        for (var i = start; i < start + length; i++)
        {
            key = (key << 8) | ByteOf(folded[i]);
        }

        return key;
    }

    /// <summary>A bitmap of about 32 bits per key, so that few positions of a text pass it by chance.</summary>
    private static (ulong[] Bits, int Shift) Bitmap(uint[] keys)
    {
        var bitLog = Math.Clamp(Log2Ceiling(keys.Length * 32), 12, 20);
        var bits = new ulong[(1 << bitLog) / 64];
        var shift = 32 - bitLog;
        foreach (var key in keys)
        {
            var h = (key * Golden) >> shift;
            bits[h >> 6] |= 1UL << (int)h;
        }

        return (bits, shift);
    }

    /// <summary>
    /// The gate of ASCII literals shorter than a gram, over the last three bytes of ASCII text: a literal of three
    /// bytes as itself, one of two bytes after each of the 128 bytes that can precede it (0 at the start of the
    /// text, where the key holds nothing before it), so that wherever such a literal ends, its bit is set. A literal of
    /// one byte is marked in <paramref name="singles"/> instead (128 x 128 keys would fill the bitmap).
    /// </summary>
    private static (ulong[] Bits, int Shift) ShortGate(string[] literals, bool[] singles)
    {
        var keys = new List<uint>();
        foreach (var literal in literals)
        {
            var key = KeyAt(literal, 0, literal.Length);
            switch (literal.Length)
            {
                case 1:
                    singles[key] = true;
                    break;
                case 2:
                    keys.AddRange(Enumerable.Range(0, 128).Select(p => ((uint)p << 16) | key));
                    break;
                default:
                    keys.Add(key);
                    break;
            }
        }

        return Bitmap([.. keys.Distinct()]);
    }

    private static int Log2Ceiling(int value) => value <= 1 ? 0 : 32 - int.LeadingZeroCount(value - 1);

    /// <summary>
    /// Reports the entries anchored by <paramref name="key"/> whose literal stands in the text with its anchor ending
    /// at <paramref name="end"/>; <paramref name="bytes"/> is the text folded to ASCII bytes, or empty when the
    /// characters of <paramref name="text"/> must be folded one by one.
    /// </summary>
    private void Probe(uint key, ReadOnlySpan<char> text, ReadOnlySpan<byte> bytes, int end, CandidateSet sink)
    {
        var mask = _slots.Length - 1;
        var slot = (int)((key * Golden) >> _slotShift);
        while (true)
        {
            var word = _slots[slot];
            if (word == 0)
            {
                return;
            }

            if ((uint)word == key)
            {
                var entries = _entries;
                for (var e = (int)(word >> 32) - 1; e < entries.Length && entries[e].Key == key; e++)
                {
                    ref var entry = ref entries[e];
                    if (entry.Seen != _scan && (bytes.IsEmpty ? Verify(entry, text, end) : Verify(entry, bytes, end)))
                    {
                        entry.Seen = _scan;
                        sink.Hit(entry.Payload);
                        for (var p = entry.PayloadStart; p < entry.PayloadEnd; p++)
                        {
                            sink.Hit(_payloads[p]);
                        }
                    }
                }

                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Whether the entry's literal stands in the text with its anchor ending at <paramref name="end"/>.</summary>
    private static bool Verify(in Entry entry, ReadOnlySpan<char> text, int end)
    {
        var literal = entry.Literal;
        var start = end - entry.AnchorEnd;
        if (start < 0 || start + literal.Length > text.Length)
        {
            return false;
        }

        var window = text.Slice(start, literal.Length);
        for (var i = 0; i < literal.Length; i++)
        {
            var c = window[i];
            var f = c < 128 ? (char)(c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c);
            if (f != literal[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The same on text folded to ASCII bytes: a literal outside ASCII never stands there. The first
    /// <see cref="Entry.Inline"/> characters are compared with the copy in the entry (two words when the text has room
    /// for them), so that most comparisons never read the literal's string from elsewhere in memory.
    /// </summary>
    private static bool Verify(in Entry entry, ReadOnlySpan<byte> bytes, int end)
    {
        var length = entry.Length;
        var start = end - entry.AnchorEnd;
        if (!entry.Ascii || start < 0 || start + length > bytes.Length)
        {
            return false;
        }

        var window = bytes.Slice(start, length);
        if (bytes.Length - start >= Entry.Inline)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes.Slice(start, Entry.Inline));
            if (((words[0] ^ entry.Head) & entry.HeadMask) != 0 || ((words[1] ^ entry.Head2) & entry.Head2Mask) != 0)
            {
                return false;
            }
        }
        else
        {
            for (var i = 0; i < Math.Min(length, Entry.Inline); i++)
            {
                if (window[i] != entry.InlineAt(i))
                {
                    return false;
                }
            }
        }

        if (length <= Entry.Inline)
        {
            return true;
        }

        var literal = entry.Literal;
        for (var i = Entry.Inline; i < length; i++)
        {
            if (window[i] != literal[i])
            {
                return false;
            }
        }

        return true;
    }
}

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
/// characters before it. Characters are folded as the automaton folds them (<see cref="char.ToUpperInvariant"/>, one
/// UTF-16 unit at a time); literals arrive folded. A literal found is reported once per event (see <see cref="Reset"/>).
/// Not thread-safe.
/// </remarks>
internal sealed class GramScanner
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
    private readonly uint[] _slotKey;
    private readonly int[] _slotStart;
    private readonly int _slotShift;
    private readonly string[] _literals;
    private readonly uint[] _keys;
    private readonly int[] _anchorEnd;
    private readonly int[] _payloadStart;
    private readonly int[] _payloads;
    private readonly int[] _seen;
    private int _generation = 1;

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
        _literals = [.. entries.Select(static e => e.Literal)];
        _keys = [.. entries.Select(static e => e.Key)];
        _anchorEnd = [.. entries.Select(static e => e.AnchorEnd)];
        _payloadStart = new int[entries.Length + 1];
        for (var i = 0; i < entries.Length; i++)
        {
            _payloadStart[i + 1] = _payloadStart[i] + entries[i].Payloads.Length;
        }

        _payloads = [.. entries.SelectMany(static e => e.Payloads)];
        _seen = new int[entries.Length];
        if (_literals.Length <= MaxGated && _literals.All(static l => System.Text.Ascii.IsValid(l)))
        {
            _gate = System.Buffers.SearchValues.Create(_literals, StringComparison.OrdinalIgnoreCase);
        }

        // The bitmap: about 32 bits per distinct anchor, so that few positions of a text pass it by chance.
        // Literals shorter than a gram have their own bitmap, tested once per length present.
        var keys = _keys.Distinct().ToArray();
        (_bits, _bitShift) = Bitmap(entries.Where(static e => e.Literal.Length >= Q).Select(static e => e.Key).Distinct().ToArray());
        (_shortBits, _shortShift) = Bitmap(entries.Where(static e => e.Literal.Length < Q).Select(static e => e.Key).Distinct().ToArray());
        _shortMasks = [.. entries.Where(static e => e.Literal.Length < Q).Select(static e => e.Literal.Length).Distinct().Order()
            .Select(static length => uint.MaxValue >> (32 - (8 * length)))];

        // The table from an anchor key to its entries (a run of the sorted entries), open addressing.
        var slotLog = Math.Max(Log2Ceiling(keys.Length * 2), 4);
        _slotShift = 32 - slotLog;
        _slotKey = new uint[1 << slotLog];
        _slotStart = new int[1 << slotLog];
        Array.Fill(_slotStart, -1);
        for (var i = 0; i < entries.Length; i++)
        {
            if (i > 0 && entries[i - 1].Key == entries[i].Key)
            {
                continue;
            }

            var slot = (int)((entries[i].Key * Golden) >> _slotShift);
            while (_slotStart[slot] >= 0)
            {
                slot = (slot + 1) & (_slotKey.Length - 1);
            }

            _slotKey[slot] = entries[i].Key;
            _slotStart[slot] = i;
        }
    }

    /// <summary>How many distinct literals the scanner holds.</summary>
    public int Count => _literals.Length;

    /// <summary>Starts a new event: literals found before may be reported again.</summary>
    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_seen);
            _generation = 1;
        }
    }

    /// <summary>Reports to <paramref name="sink"/> the payloads of every literal found in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, CandidateSet sink)
    {
        // Small sets of ASCII literals: a vectorised search for the first occurrence of any of them skips the text
        // before it, usually all of it. ASCII-only text keeps both searches' case folding the same.
        if (_gate is not null && System.Text.Ascii.IsValid(text))
        {
            var first = text.IndexOfAny(_gate);
            if (first < 0)
            {
                return;
            }

            text = text[first..];
        }

        var bits = _bits;
        var shift = _bitShift;
        var masks = _shortMasks;
        uint key = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            key = (key << 8) | (byte)(c < 128 ? (c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c));
            var h = (key * Golden) >> shift;
            if ((bits[h >> 6] & (1UL << (int)h)) != 0)
            {
                Probe(key, text, i, sink);
            }

            foreach (var mask in masks)
            {
                var k = key & mask;
                var s = (k * Golden) >> _shortShift;
                if ((_shortBits[s >> 6] & (1UL << (int)s)) != 0)
                {
                    Probe(k, text, i, sink);
                }
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

    private static uint KeyAt(string folded, int start, int length)
    {
        uint key = 0;
        for (var i = start; i < start + length; i++)
        {
            key = (key << 8) | (byte)folded[i];
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

    private static int Log2Ceiling(int value) => value <= 1 ? 0 : 32 - int.LeadingZeroCount(value - 1);

    private void Probe(uint key, ReadOnlySpan<char> text, int end, CandidateSet sink)
    {
        var mask = _slotKey.Length - 1;
        var slot = (int)((key * Golden) >> _slotShift);
        while (true)
        {
            var start = _slotStart[slot];
            if (start < 0)
            {
                return;
            }

            if (_slotKey[slot] == key)
            {
                for (var e = start; e < _keys.Length && _keys[e] == key; e++)
                {
                    if (_seen[e] != _generation && Verify(e, text, end))
                    {
                        _seen[e] = _generation;
                        for (var p = _payloadStart[e]; p < _payloadStart[e + 1]; p++)
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

    /// <summary>Whether entry <paramref name="entry"/>'s literal stands in the text with its anchor ending at <paramref name="end"/>.</summary>
    private bool Verify(int entry, ReadOnlySpan<char> text, int end)
    {
        var literal = _literals[entry];
        var start = end - _anchorEnd[entry];
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
}

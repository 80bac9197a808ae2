namespace Vigil.Detection.Prefilter;

/// <summary>
/// Literals anchored at one end of a value (prefixes, or suffixes when built reversed), found by walking the value
/// from that end for as long as some literal continues: the cost is the length of the longest match, not of the value.
/// </summary>
/// <remarks>
/// Characters are folded with <see cref="char.ToUpperInvariant"/>; literals arrive upper-cased. The root's children
/// are a table indexed by ASCII character; deeper nodes keep sorted children searched by bisection.
/// </remarks>
internal sealed class AnchoredTrie
{
    private readonly bool _fromEnd;
    private readonly int[] _rootAscii = new int[128];
    private readonly int[] _childStart;
    private readonly char[] _childChar;
    private readonly int[] _childNext;
    private readonly int[] _payloadStart;
    private readonly int[] _payloads;

    public AnchoredTrie(IEnumerable<(string Literal, int Payload)> items, bool fromEnd)
    {
        _fromEnd = fromEnd;
        var children = new List<SortedDictionary<char, int>> { new() };
        var payloads = new List<List<int>> { new() };
        foreach (var (literal, payload) in items)
        {
            var node = 0;
            for (var i = 0; i < literal.Length; i++)
            {
                var c = literal[fromEnd ? literal.Length - 1 - i : i];
                if (!children[node].TryGetValue(c, out var child))
                {
                    child = children.Count;
                    children.Add([]);
                    payloads.Add([]);
                    children[node][c] = child;
                }

                node = child;
            }

            payloads[node].Add(payload);
        }

        // Payloads flattened into one array (node n's are [_payloadStart[n], _payloadStart[n + 1])): a walk reads
        // them in sequence instead of chasing one small array per node through the heap.
        var distinct = payloads.Select(static p => p.Distinct().ToArray()).ToList();
        _payloadStart = new int[distinct.Count + 1];
        for (var n = 0; n < distinct.Count; n++)
        {
            _payloadStart[n + 1] = _payloadStart[n] + distinct[n].Length;
        }

        _payloads = [.. distinct.SelectMany(static p => p)];
        _childStart = new int[children.Count + 1];
        var edges = children.Sum(static c => c.Count);
        _childChar = new char[edges];
        _childNext = new int[edges];
        var e = 0;
        for (var n = 0; n < children.Count; n++)
        {
            _childStart[n] = e;
            foreach (var (c, child) in children[n])
            {
                _childChar[e] = c;
                _childNext[e++] = child;
            }
        }

        _childStart[children.Count] = e;
        Array.Fill(_rootAscii, -1);
        foreach (var (c, child) in children[0])
        {
            if (c < 128)
            {
                _rootAscii[c] = child;
            }
        }
    }

    public void Walk(ReadOnlySpan<char> value, CandidateSet sink)
    {
        var node = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[_fromEnd ? value.Length - 1 - i : i];
            c = c < 128 ? (char)(c is >= 'a' and <= 'z' ? c - 32 : c) : char.ToUpperInvariant(c);
            node = node == 0 && c < 128 ? _rootAscii[c] : Child(node, c);
            if (node < 0)
            {
                return;
            }

            for (var k = _payloadStart[node]; k < _payloadStart[node + 1]; k++)
            {
                sink.Hit(_payloads[k]);
            }
        }
    }

    private int Child(int node, char c)
    {
        var start = _childStart[node];
        var found = _childChar.AsSpan(start, _childStart[node + 1] - start).BinarySearch(c);
        return found >= 0 ? _childNext[start + found] : -1;
    }
}

namespace Vigil.Detection.Prefilter;

/// <summary>
/// A case-insensitive Aho-Corasick automaton. Each pattern carries a payload; scanning a text reports the payload of
/// every pattern that occurs in it.
/// </summary>
/// <remarks>
/// Written here because no .NET library reports every pattern that occurs (<c>SearchValues&lt;string&gt;</c> finds
/// only the first position). States near the root, where a scan spends nearly all its time, have full transition
/// rows (one table lookup per character), within a memory budget that small automata never reach; deeper states of
/// large automata keep only their children and a failure link, so memory stays bounded whatever the rules. Characters are folded with
/// <see cref="char.ToUpperInvariant"/>, as <see cref="StringComparison.OrdinalIgnoreCase"/> does, and non-ASCII
/// characters share classes (see <see cref="CharClasses"/>), which can only let more text through, never less.
/// Not thread-safe: <see cref="Scan"/> marks visited states.
/// </remarks>
internal sealed class AhoCorasick
{
    /// <summary>States near the root get full transition rows, breadth-first, up to this many table cells.</summary>
    private const int DenseCells = 131_072;

    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int _denseCount;
    private readonly int[] _dense;
    private readonly int[] _fail;
    private readonly int[] _childStart;
    private readonly ushort[] _childClass;
    private readonly int[] _childNext;
    private readonly int[] _outStart;
    private readonly int[] _outputs;
    private readonly int[] _visited;
    private int _generation;

    public AhoCorasick(IReadOnlyList<(string Pattern, int[] Payload)> patterns)
    {
        _classes = new CharClasses(patterns.Select(static p => p.Pattern));
        _width = _classes.Count;

        // Trie of the patterns, in insertion order.
        var children = new List<SortedDictionary<ushort, int>> { new() };
        var payloads = new List<HashSet<int>?> { null };
        foreach (var (pattern, payload) in patterns)
        {
            var node = 0;
            foreach (var c in pattern)
            {
                var cls = (ushort)_classes.Of(c);
                if (!children[node].TryGetValue(cls, out var child))
                {
                    child = children.Count;
                    children.Add([]);
                    payloads.Add(null);
                    children[node][cls] = child;
                }

                node = child;
            }

            (payloads[node] ??= []).UnionWith(payload);
        }

        // Renumber breadth-first, so that states are ordered by depth and the dense ones come first.
        var count = children.Count;
        var order = new List<int>(count) { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            order.AddRange(children[order[i]].Values);
        }

        var id = new int[count];
        for (var i = 0; i < count; i++)
        {
            id[order[i]] = i;
        }

        // Breadth-first order puts shallow states first: give full rows to as many as the budget allows (all of them
        // for the small automata most fields have), and at least to the root.
        _denseCount = Math.Clamp(DenseCells / _width, 1, count);
        _fail = new int[count];
        _childStart = new int[count + 1];
        var edges = children.Sum(static c => c.Count);
        _childClass = new ushort[edges];
        _childNext = new int[edges];
        var e = 0;
        for (var i = 0; i < count; i++)
        {
            _childStart[i] = e;
            foreach (var (cls, child) in children[order[i]])
            {
                _childClass[e] = cls;
                _childNext[e++] = id[child];
            }
        }

        _childStart[count] = e;

        // Failure links and dense rows, breadth-first: a state's failure state is shallower, so already resolved.
        _dense = new int[_denseCount * _width];
        for (var s = 0; s < count; s++)
        {
            for (var k = _childStart[s]; k < _childStart[s + 1]; k++)
            {
                var child = _childNext[k];
                _fail[child] = s == 0 ? 0 : Step(_fail[s], _childClass[k]);
            }

            if (s < _denseCount)
            {
                for (var cls = 0; cls < _width; cls++)
                {
                    _dense[(s * _width) + cls] = Child(s, (ushort)cls) is var c and >= 0 ? c : s == 0 ? 0 : Step(_fail[s], (ushort)cls);
                }
            }
        }

        // Outputs: a state's own payload plus those of its failure chain, de-duplicated, flattened.
        var merged = new int[count][];
        for (var s = 0; s < count; s++)
        {
            var set = new HashSet<int>(payloads[order[s]] ?? []);
            if (s != 0)
            {
                set.UnionWith(merged[_fail[s]]);
            }

            var array = set.ToArray();
            Array.Sort(array);
            merged[s] = array;
        }

        _outStart = new int[count + 1];
        for (var s = 0; s < count; s++)
        {
            _outStart[s + 1] = _outStart[s] + merged[s].Length;
        }

        _outputs = new int[_outStart[count]];
        for (var s = 0; s < count; s++)
        {
            merged[s].CopyTo(_outputs, _outStart[s]);
        }

        for (var i = 0; i < _dense.Length; i++)
        {
            var target = _dense[i];
            if (_outStart[target + 1] != _outStart[target])
            {
                _dense[i] = target | int.MinValue;
            }
        }

        _visited = new int[count];
    }

    public int States => _fail.Length;

    /// <summary>Starts a new event: states visited before count as unvisited again.</summary>
    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_visited);
            _generation = 1;
        }
    }

    /// <summary>Reports to <paramref name="sink"/> the payload of every pattern found in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, CandidateSet sink)
    {
        var dense = _dense;
        var denseCount = _denseCount;
        var outStart = _outStart;
        var ascii = _classes.Ascii;
        var width = _width;
        var state = 0;
        foreach (var c in text)
        {
            var cls = c < 128 ? ascii[c] : (ushort)_classes.Of(c);
            bool output;
            if (state < denseCount)
            {
                // Dense cells carry the target's "has output" flag in the sign bit: no second lookup per character.
                var cell = dense[(state * width) + cls];
                state = cell & int.MaxValue;
                output = cell < 0;
            }
            else
            {
                state = Step(state, cls);
                output = outStart[state + 1] != outStart[state];
            }

            if (output && _visited[state] != _generation)
            {
                _visited[state] = _generation;
                for (var i = outStart[state]; i < outStart[state + 1]; i++)
                {
                    sink.Hit(_outputs[i]);
                }
            }
        }
    }

    /// <summary>The state after reading a character of class <paramref name="cls"/> in <paramref name="state"/>.</summary>
    private int Step(int state, ushort cls)
    {
        while (true)
        {
            // Rows are built in state order and a failure link points to a shallower state, so any row read here
            // during construction is already complete.
            if (state < _denseCount)
            {
                return _dense[(state * _width) + cls] & int.MaxValue;
            }

            var child = Child(state, cls);
            if (child >= 0)
            {
                return child;
            }

            if (state == 0)
            {
                return 0;
            }

            state = _fail[state];
        }
    }

    private int Child(int state, ushort cls)
    {
        var start = _childStart[state];
        var found = _childClass.AsSpan(start, _childStart[state + 1] - start).BinarySearch(cls);
        return found >= 0 ? _childNext[start + found] : -1;
    }
}

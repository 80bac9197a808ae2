namespace Vigil.Detection.Prefilter;

/// <summary>
/// A case-insensitive Aho-Corasick automaton compiled to a full DFA over character classes. Each pattern carries a
/// payload (rule indices); scanning a text reports the payloads of every pattern that occurs in it.
/// </summary>
/// <remarks>
/// Written here because no .NET library reports every pattern that occurs (<c>SearchValues&lt;string&gt;</c> finds
/// only the first position). One pass over the text costs one table lookup per character, whatever the number of
/// patterns. Characters are folded with <see cref="char.ToUpperInvariant"/>, as
/// <see cref="StringComparison.OrdinalIgnoreCase"/> does. Not thread-safe: <see cref="Scan"/> marks visited states.
/// </remarks>
internal sealed class AhoCorasick
{
    private readonly CharClasses _classes;
    private readonly int _width;
    private readonly int[] _next;
    private readonly int[] _outStart;
    private readonly int[] _outputs;
    private readonly int[] _visited;
    private int _generation;

    public AhoCorasick(IReadOnlyList<(string Pattern, int[] Payload)> patterns, CharClasses classes)
    {
        _classes = classes;
        _width = classes.Count;

        // Trie of the patterns.
        var children = new List<Dictionary<int, int>> { new() };
        var payloads = new List<HashSet<int>?> { null };
        foreach (var (pattern, payload) in patterns)
        {
            var node = 0;
            foreach (var c in pattern)
            {
                var cls = classes.Of(c);
                if (!children[node].TryGetValue(cls, out var child))
                {
                    child = children.Count;
                    children.Add(new Dictionary<int, int>());
                    payloads.Add(null);
                    children[node][cls] = child;
                }

                node = child;
            }

            (payloads[node] ??= []).UnionWith(payload);
        }

        var count = children.Count;
        _next = new int[count * _width];
        var fail = new int[count];
        var order = new List<int>(count) { 0 };
        for (var i = 0; i < order.Count; i++)
        {
            var u = order[i];
            for (var cls = 0; cls < _width; cls++)
            {
                if (children[u].TryGetValue(cls, out var v))
                {
                    fail[v] = u == 0 ? 0 : _next[(fail[u] * _width) + cls];
                    _next[(u * _width) + cls] = v;
                    order.Add(v);
                }
                else
                {
                    _next[(u * _width) + cls] = u == 0 ? 0 : _next[(fail[u] * _width) + cls];
                }
            }
        }

        // Outputs: a state's own payload plus those of its failure chain, de-duplicated, flattened.
        var merged = new int[count][];
        foreach (var u in order)
        {
            var set = new HashSet<int>(payloads[u] ?? []);
            if (u != 0)
            {
                set.UnionWith(merged[fail[u]]);
            }

            var array = set.ToArray();
            Array.Sort(array);
            merged[u] = array;
        }

        _outStart = new int[count + 1];
        for (var u = 0; u < count; u++)
        {
            _outStart[u + 1] = _outStart[u] + merged[u].Length;
        }

        _outputs = new int[_outStart[count]];
        for (var u = 0; u < count; u++)
        {
            merged[u].CopyTo(_outputs, _outStart[u]);
        }

        _visited = new int[count];
    }

    public int States => _outStart.Length - 1;

    /// <summary>Starts a new event: states visited before count as unvisited again.</summary>
    public void Reset()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_visited);
            _generation = 1;
        }
    }

    /// <summary>Adds to <paramref name="sink"/> the payload of every pattern found in <paramref name="text"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, CandidateSet sink)
    {
        var next = _next;
        var outStart = _outStart;
        var map = _classes.Map;
        var width = _width;
        var state = 0;
        foreach (var c in text)
        {
            state = next[(state * width) + map[c]];
            if (outStart[state + 1] != outStart[state] && _visited[state] != _generation)
            {
                _visited[state] = _generation;
                for (var i = outStart[state]; i < outStart[state + 1]; i++)
                {
                    sink.Hit(_outputs[i]);
                }
            }
        }
    }
}

using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Engine;

/// <summary>
/// The rules that apply to one kind of event (one Windows channel and EventID, or non-Windows events), with a
/// literal prefilter: each field's <see cref="FieldIndex"/> finds the rules whose necessary literals occur, so only
/// those (and rules with no known necessary literal) are evaluated.
/// </summary>
internal sealed class Bucket
{
    private readonly CompiledRule[] _rules;
    private readonly int[] _always;
    private readonly FieldIndex?[] _byField;
    private readonly FieldIndex? _anyField;
    private readonly CandidateSet _candidates;
    // Per field id, the scans of its values (own index and keyword index, behind a cache of repeated values); with
    // keyword literals, every field is scanned, so entries for fields without literals of their own appear on first
    // sight.
    private MemoizedScan?[] _scans;

    public Bucket(IReadOnlyList<CompiledRule> rules, bool prefilter)
    {
        _rules = [.. rules];
        var full = new byte[_rules.Length];
        var always = new List<int>();
        var byField = new Dictionary<int, List<(string, AtomKind, int)>>();
        for (var i = 0; i < _rules.Length; i++)
        {
            var required = prefilter ? _rules[i].Required : null;
            if (required is null)
            {
                always.Add(i);
                continue;
            }

            var groups = required.Groups;
            for (var g = 0; g < groups.Count; g++)
            {
                full[i] |= (byte)(1 << g);
                foreach (var atom in groups[g].Atoms)
                {
                    if (!byField.TryGetValue(atom.Field, out var list))
                    {
                        byField[atom.Field] = list = [];
                    }

                    list.Add((atom.Literal, atom.Kind, CandidateSet.Payload(i, g)));
                }
            }
        }

        _candidates = new CandidateSet(full);
        _always = [.. always];
        var maxField = byField.Keys.DefaultIfEmpty(-1).Max();
        _byField = new FieldIndex?[maxField + 1];
        foreach (var (field, atoms) in byField)
        {
            var index = new FieldIndex(atoms);
            if (field == AtomSet.AnyField)
            {
                _anyField = index;
            }
            else
            {
                _byField[field] = index;
            }
        }

        _scans = new MemoizedScan?[_byField.Length];
        for (var field = 0; field < _byField.Length; field++)
        {
            if (_byField[field] is { } own)
            {
                _scans[field] = new MemoizedScan(own, _anyField);
            }
        }
    }

    public int Count => _rules.Length;

    /// <summary>The rule at <paramref name="index"/> (for diagnostics and benchmarks).</summary>
    internal CompiledRule RuleAt(int index) => _rules[index];

    /// <summary>The rules without a prefilter requirement, evaluated on every event of the bucket.</summary>
    internal IEnumerable<CompiledRule> Always => _always.Select(i => _rules[i]);

    /// <summary>The prefilter index of one field, if any rule of the bucket needs a literal there.</summary>
    internal FieldIndex? IndexFor(int field) => (uint)field < (uint)_byField.Length ? _byField[field] : null;

    /// <summary>The keyword literals, looked for in every field.</summary>
    internal FieldIndex? AnyField => _anyField;

    /// <summary>Appends the rules that match <paramref name="e"/>, in rule order.</summary>
    public void Match(LogEvent e, List<CompiledRule> matched)
    {
        foreach (var i in Candidates(e))
        {
            if (_rules[i].Matcher.Matches(e))
            {
                matched.Add(_rules[i]);
            }
        }
    }

    /// <summary>The rules (by index, in order) that the prefilter lets through for <paramref name="e"/>.</summary>
    internal List<int> Candidates(LogEvent e)
    {
        _candidates.Clear();

        foreach (var i in _always)
        {
            _candidates.Add(i);
        }

        var scans = _scans;
        for (var i = 0; i < e.Count; i++)
        {
            var value = e.ValueAt(i);
            if (value is null)
            {
                continue;
            }

            var id = e.IdAt(i);
            var scan = (uint)id < (uint)scans.Length ? scans[id] : null;
            if (scan is null)
            {
                if (_anyField is null)
                {
                    continue;
                }

                scan = ScanFor(id);
            }

            scan.Scan(value, _candidates);
        }

        var items = _candidates.Items;
        items.Sort();
        return items;
    }

    /// <summary>The scans of a field without literals of its own, in a bucket with keyword literals.</summary>
    private MemoizedScan ScanFor(int id)
    {
        if (id >= _scans.Length)
        {
            Array.Resize(ref _scans, Math.Max(id + 1, FieldNames.Count));
        }

        return _scans[id] ??= new MemoizedScan(null, _anyField);
    }
}

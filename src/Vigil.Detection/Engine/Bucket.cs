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
    // Per field id, the scan of its own index alone: for a value the keyword index already scanned in this event.
    private MemoizedScan?[] _ownScans = [];
    // The long values of the current event that the keyword index scanned, by instance (see Candidates).
    private readonly string?[] _scanned = new string?[MaxShared];
    private int _scannedCount;

    /// <summary>Values at least this long are remembered per event, so that a second field holding the same string
    /// instance is not scanned for keywords again.</summary>
    internal const int SharedLength = 16;

    private const int MaxShared = 4;

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
        _scannedCount = 0;
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

            if (_anyField is not null && value.Length >= SharedLength && !FirstTime(value))
            {
                // The same string under another field (a syslog message is both message and syslog.message): the
                // keyword hits are the value's alone and already in, so only this field's own literals are looked for.
                OwnScanFor(id)?.Scan(value, _candidates);
                continue;
            }

            scan.Scan(value, _candidates);
        }

        var items = _candidates.Items;
        items.Sort();
        return items;
    }

    /// <summary>
    /// Whether this event's keyword scan has not met <paramref name="value"/> (this string instance) yet; remembers it.
    /// Only the first few long values are remembered: a value not found is scanned again, which is never wrong.
    /// </summary>
    private bool FirstTime(string value)
    {
        for (var k = 0; k < _scannedCount; k++)
        {
            if (ReferenceEquals(_scanned[k], value))
            {
                return false;
            }
        }

        if (_scannedCount < MaxShared)
        {
            _scanned[_scannedCount++] = value;
        }

        return true;
    }

    /// <summary>The scan of a field's own literals alone (null when it has none).</summary>
    private MemoizedScan? OwnScanFor(int id)
    {
        if ((uint)id >= (uint)_byField.Length || _byField[id] is not { } own)
        {
            return null;
        }

        if (_ownScans.Length <= id)
        {
            Array.Resize(ref _ownScans, _byField.Length);
        }

        return _ownScans[id] ??= new MemoizedScan(own, null);
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

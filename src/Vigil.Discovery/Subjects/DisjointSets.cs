namespace Vigil.Discovery.Subjects;

/// <summary>
/// Union-find over records, each set keeping the values of its exclusive identifiers (NHS number, date of birth...)
/// so that a weak link (an e-mail, a name) can be refused when it would join two different people.
/// </summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly Dictionary<string, HashSet<string>>[] _exclusive;
    private readonly HashSet<string>[] _reasons;

    public DisjointSets(int count, Func<int, SubjectRecord> records)
    {
        _parent = new int[count];
        _exclusive = new Dictionary<string, HashSet<string>>[count];
        _reasons = new HashSet<string>[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _reasons[i] = [];
            _exclusive[i] = [];
            foreach (var f in records(i).Findings)
            {
                if (SubjectKeys.IsExclusive(f.Type))
                {
                    if (!_exclusive[i].TryGetValue(f.Type, out var values))
                    {
                        _exclusive[i][f.Type] = values = [];
                    }

                    values.Add(SubjectKeys.Normalise(f.Type, f.Value));
                }
            }
        }
    }

    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }

    public IReadOnlySet<string> Reasons(int root) => _reasons[root];

    /// <summary>Joins the sets of a and b, unless <paramref name="checkConflicts"/> and they hold different values of an exclusive type.</summary>
    public bool Union(int a, int b, bool checkConflicts, string? reason)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb)
        {
            return true;
        }

        if (checkConflicts && Conflict(_exclusive[ra], _exclusive[rb]))
        {
            return false;
        }

        // The older record stays the root, so that subjects keep their order of first appearance.
        if (rb < ra)
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        foreach (var (type, values) in _exclusive[rb])
        {
            if (!_exclusive[ra].TryGetValue(type, out var into))
            {
                _exclusive[ra][type] = into = [];
            }

            into.UnionWith(values);
        }

        _reasons[ra].UnionWith(_reasons[rb]);
        if (reason is not null)
        {
            _reasons[ra].Add(reason);
        }

        return true;
    }

    private static bool Conflict(Dictionary<string, HashSet<string>> x, Dictionary<string, HashSet<string>> y)
    {
        foreach (var (type, values) in x)
        {
            if (y.TryGetValue(type, out var other) && !values.Overlaps(other))
            {
                return true;
            }
        }

        return false;
    }
}

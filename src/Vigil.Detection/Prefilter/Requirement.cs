namespace Vigil.Detection.Prefilter;

/// <summary>
/// What a matcher needs of an event to match at all: every one of <see cref="Groups"/> must be satisfied, and a
/// group is satisfied when any of its literals occurs in its field. A conjunction of disjunctions, kept to at most
/// <see cref="MaxGroups"/> groups (the most selective ones), because each group the prefilter tracks costs a bit.
/// </summary>
internal sealed class Requirement
{
    public const int MaxGroups = 4;

    private Requirement(IReadOnlyList<AtomSet> groups) => Groups = groups;

    public IReadOnlyList<AtomSet> Groups { get; }

    public static Requirement? Of(AtomSet? group) => group is null ? null : new Requirement([group]);

    /// <summary>
    /// A group holding a substring literal of at most this many characters (<c>:</c>, <c>-</c>, <c>0</c>, <c>/c</c>
    /// in a command line) is satisfied by nearly every long value: it prunes little, yet the prefilter pays for
    /// finding it in every value (a short-literal probe at each of its positions and a hit per rule). Measured on the
    /// benchmark corpus: dropping such groups where a stronger one remains halves the hits per command line (50 to
    /// 21) for 0.03 more candidate rules per event; at 3 characters candidates rose by 0.3 per event.
    /// </summary>
    public const int WeakLength = 2;

    /// <summary>
    /// Everything every part needs (an AND): the most selective groups of all parts. Weak groups (see
    /// <see cref="WeakLength"/>) are left out when a stronger group remains: dropping a conjunct of a necessary
    /// condition leaves a necessary condition.
    /// </summary>
    public static Requirement? All(IEnumerable<Requirement?> parts)
    {
        var all = parts.OfType<Requirement>().SelectMany(static r => r.Groups).ToList();
        var strong = all.Where(static g => g.ShortestSubstring > WeakLength).ToList();
        var groups = (strong.Count > 0 ? strong : all)
            .OrderByDescending(static g => g.Shortest).ThenBy(static g => g.Atoms.Count)
            .Take(MaxGroups)
            .ToList();
        return groups.Count == 0 ? null : new Requirement(groups);
    }

    /// <summary>
    /// What any of the parts needs (an OR): group <c>j</c> is the union of every part's group <c>j</c> (a part with
    /// fewer groups gives its last one). Each part needs all its groups, so whichever part matches satisfies every
    /// such union: <c>(a and b) or c</c> needs <c>a or c</c> and <c>b or c</c>, which prunes far better than the first
    /// alone when <c>a</c> is common (an image path) and <c>b</c> rare (a command-line fragment).
    /// </summary>
    public static Requirement? Any(IEnumerable<Requirement?> parts)
    {
        var all = new List<Requirement>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            all.Add(part);
        }

        if (all.Count == 0)
        {
            return null;
        }

        var width = Math.Min(MaxGroups, all.Max(static p => p.Groups.Count));
        var groups = new List<AtomSet>(width);
        for (var j = 0; j < width; j++)
        {
            if (AtomSet.Union(all.Select(p => p.Groups[Math.Min(j, p.Groups.Count - 1)])) is { } union)
            {
                groups.Add(union);
            }
        }

        return groups.Count == 0 ? null : new Requirement(groups);
    }
}

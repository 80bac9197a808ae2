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

    /// <summary>Everything every part needs (an AND): the most selective groups of all parts.</summary>
    public static Requirement? All(IEnumerable<Requirement?> parts)
    {
        var groups = parts.OfType<Requirement>().SelectMany(static r => r.Groups)
            .OrderByDescending(static g => g.Shortest).ThenBy(static g => g.Atoms.Count)
            .Take(MaxGroups)
            .ToList();
        return groups.Count == 0 ? null : new Requirement(groups);
    }

    /// <summary>What any of the parts needs (an OR): one group, the union of each part's most selective group.</summary>
    public static Requirement? Any(IEnumerable<Requirement?> parts)
    {
        var best = new List<AtomSet?>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }

            best.Add(part.Groups[0]);
        }

        return Of(AtomSet.Union(best));
    }
}

using Vigil.Detection.Matching;

namespace Vigil.Detection.Prefilter;

/// <summary>
/// A necessary condition of a matcher: at least one of these literals occurs, case-insensitively, in its field
/// (or in any field, for <see cref="AnyField"/>). Literals are upper-cased invariantly, as
/// <see cref="StringComparison.OrdinalIgnoreCase"/> compares.
/// </summary>
internal sealed class AtomSet
{
    public const int AnyField = -1;

    private AtomSet(IReadOnlyList<Atom> atoms)
    {
        Atoms = atoms;
        Shortest = atoms.Count == 0 ? 0 : atoms.Min(static a => a.Literal.Length);
        ShortestSubstring = atoms.Where(static a => a.Kind == AtomKind.Substring).Select(static a => a.Literal.Length).DefaultIfEmpty(int.MaxValue).Min();
    }

    public IReadOnlyList<Atom> Atoms { get; }

    /// <summary>The shortest literal: longer literals occur less often, so a larger value prunes better.</summary>
    public int Shortest { get; }

    /// <summary>
    /// The shortest literal that may stand anywhere in its value (<see cref="int.MaxValue"/> when none may): a group
    /// holding a one-character substring is satisfied by nearly every long value.
    /// </summary>
    public int ShortestSubstring { get; }

    public static AtomSet? Union(IEnumerable<AtomSet?> parts)
    {
        var atoms = new List<Atom>();
        foreach (var p in parts)
        {
            if (p is null)
            {
                return null;
            }

            atoms.AddRange(p.Atoms);
        }

        return atoms.Count == 0 ? null : new AtomSet(atoms.Distinct().ToList());
    }

    /// <summary>
    /// What a list of value tests on one field needs: with <c>all</c>, each test's literal (a conjunction);
    /// otherwise one of them (a disjunction, null when any test has no literal).
    /// </summary>
    public static Requirement? FromPredicates(int fieldId, ValuePredicate[] predicates, bool all)
    {
        var sets = new List<AtomSet?>(predicates.Length);
        foreach (var p in predicates)
        {
            if (p is IMultiAtom multi)
            {
                var atoms = multi.Literals.Select(l => StringPredicate.AtomOf(l, multi.Kind)).ToList();
                sets.Add(atoms.Any(static a => a is null) ? null : new AtomSet([.. atoms.Select(a => new Atom(fieldId, a!.Value.Literal, a.Value.Kind))]));
                continue;
            }

            if (p.Atom is { } a)
            {
                sets.Add(new AtomSet([new Atom(fieldId, a.Literal, a.Kind)]));
            }
            else
            {
                sets.Add(p.AnyAtom is { Count: > 0 } any ? new AtomSet([.. any.Select(x => new Atom(fieldId, x.Literal, x.Kind))]) : null);
            }
        }

        return all ? Requirement.All(sets.Select(Requirement.Of)) : Requirement.Of(Union(sets));
    }

    /// <summary>One literal in one field, and where in the value it stands.</summary>
    internal readonly record struct Atom(int Field, string Literal, AtomKind Kind);
}

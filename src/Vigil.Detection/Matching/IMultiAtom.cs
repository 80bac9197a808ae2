namespace Vigil.Detection.Matching;

/// <summary>A predicate that matches when any of several literals occurs: each literal is an atom of the OR.</summary>
internal interface IMultiAtom
{
    IEnumerable<string> Literals { get; }

    Prefilter.AtomKind Kind { get; }
}

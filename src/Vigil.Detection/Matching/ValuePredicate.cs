using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>A test on one field value (never null), compiled from one rule value and its modifiers.</summary>
internal abstract class ValuePredicate
{
    public abstract bool Test(string value, LogEvent e);

    /// <summary>A literal that every matching value holds (and where), or null.</summary>
    public virtual Prefilter.AtomText? Atom => null;

    /// <summary>Several literals, one of which every matching value holds (and where), or null; used when <see cref="Atom"/> is null.</summary>
    public virtual IReadOnlyList<Prefilter.AtomText>? AnyAtom => null;
}

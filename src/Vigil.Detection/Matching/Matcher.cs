using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>A compiled piece of a rule's detection: answers whether an event matches it.</summary>
/// <remarks>Immutable after compilation and safe to share across threads.</remarks>
internal abstract class Matcher
{
    public abstract bool Matches(LogEvent e);

    /// <summary>
    /// Literals that must occur (case-insensitively) in their fields for this matcher to match, or null when no such
    /// literal is known. The prefilter uses it to skip rules that cannot match.
    /// </summary>
    public virtual Requirement? Required => null;
}

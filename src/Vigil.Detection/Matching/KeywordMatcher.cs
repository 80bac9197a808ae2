using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>Keywords: values searched in every field of the event (any keyword, or every one with <c>all</c>).</summary>
internal sealed class KeywordMatcher(ValuePredicate[] predicates, bool all) : Matcher
{
    public override bool Matches(LogEvent e)
    {
        foreach (var predicate in predicates)
        {
            var found = false;
            for (var i = 0; i < e.Count && !found; i++)
            {
                var value = e.ValueAt(i);
                found = value is not null && predicate.Test(value, e);
            }

            if (found && !all)
            {
                return true;
            }

            if (!found && all)
            {
                return false;
            }
        }

        return all;
    }

    public override Requirement? Required => AtomSet.FromPredicates(AtomSet.AnyField, predicates, all);
}

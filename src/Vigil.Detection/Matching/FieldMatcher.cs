using Vigil.Detection.Prefilter;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// One <c>field|modifiers: values</c> entry of a selection: any value matches (or, with <c>all</c>, every value
/// matches) some value of the field. A field with several values (a JSON array) matches when any of them does.
/// A missing field or a null value matches nothing here (see <see cref="NullMatcher"/>).
/// </summary>
internal sealed class FieldMatcher(int fieldId, ValuePredicate[] predicates, bool all) : Matcher
{
    public override bool Matches(LogEvent e)
    {
        var index = e.IndexOf(fieldId);
        if (index < 0)
        {
            return false;
        }

        if (!all)
        {
            for (; index >= 0; index = e.IndexOf(fieldId, index + 1))
            {
                var value = e.ValueAt(index);
                if (value is null)
                {
                    continue;
                }

                foreach (var predicate in predicates)
                {
                    if (predicate.Test(value, e))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        foreach (var predicate in predicates)
        {
            var satisfied = false;
            for (var i = index; i >= 0 && !satisfied; i = e.IndexOf(fieldId, i + 1))
            {
                var value = e.ValueAt(i);
                satisfied = value is not null && predicate.Test(value, e);
            }

            if (!satisfied)
            {
                return false;
            }
        }

        return true;
    }

    public override Requirement? Required => AtomSet.FromPredicates(fieldId, predicates, all);
}

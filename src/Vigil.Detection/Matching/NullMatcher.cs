using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary><c>field: null</c>: the field is missing, null or empty.</summary>
internal sealed class NullMatcher(int fieldId) : Matcher
{
    public override bool Matches(LogEvent e)
    {
        var index = e.IndexOf(fieldId);
        if (index < 0)
        {
            return true;
        }

        for (; index >= 0; index = e.IndexOf(fieldId, index + 1))
        {
            if (string.IsNullOrEmpty(e.ValueAt(index)))
            {
                return true;
            }
        }

        return false;
    }
}

using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>fieldref</c>: the value compared with another field of the same event (equal, or with <c>contains</c>,
/// <c>startswith</c>, <c>endswith</c>), case-insensitive unless <c>cased</c>. A missing other field never matches.
/// </summary>
internal sealed class FieldRefPredicate(int otherFieldId, string mode, bool cased) : ValuePredicate
{
    public override bool Test(string value, LogEvent e)
    {
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var i = e.IndexOf(otherFieldId); i >= 0; i = e.IndexOf(otherFieldId, i + 1))
        {
            var other = e.ValueAt(i);
            if (other is null)
            {
                continue;
            }

            var match = mode switch
            {
                "contains" => value.Contains(other, comparison),
                "startswith" => value.StartsWith(other, comparison),
                "endswith" => value.EndsWith(other, comparison),
                _ => string.Equals(value, other, comparison),
            };
            if (match)
            {
                return true;
            }
        }

        return false;
    }
}

using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>neq</c>: the value differs from the rule's value (numerically when both are numbers, otherwise as text,
/// case-insensitive unless <c>cased</c>). Several <c>neq</c> values must all differ.
/// </summary>
internal sealed class NotEqualPredicate(string other, bool cased) : ValuePredicate
{
    private readonly bool _otherIsNumber = NumericPredicate.TryNumber(other, out _);

    public override bool Test(string value, LogEvent e)
    {
        if (_otherIsNumber && NumericPredicate.TryNumber(value, out var a) && NumericPredicate.TryNumber(other, out var b))
        {
            return a != b;
        }

        return !string.Equals(value, other, cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
    }
}

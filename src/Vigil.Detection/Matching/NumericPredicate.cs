using System.Globalization;
using Vigil.Events;

namespace Vigil.Detection.Matching;

/// <summary>
/// <c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c>: the field read as a number (decimal, or hexadecimal with 0x) compared
/// with the rule's number. A value that is not a number does not match.
/// </summary>
internal sealed class NumericPredicate(string op, double limit) : ValuePredicate
{
    public override bool Test(string value, LogEvent e) =>
        TryNumber(value, out var number) && op switch
        {
            "lt" => number < limit,
            "lte" => number <= limit,
            "gt" => number > limit,
            "gte" => number >= limit,
            _ => false,
        };

    public static bool TryNumber(string text, out double number)
    {
        var span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            number = hex;
            return true;
        }

        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}

namespace Vigil.Detection.Correlation;

/// <summary>
/// A correlation's <c>condition</c>: one or more comparisons, all of which must hold (a range is written as two), and
/// for the <c>value_*</c> types the field or fields the figure is computed from.
/// </summary>
internal sealed class CorrelationCondition
{
    /// <summary>Creates a condition; <paramref name="bounds"/> must not be empty.</summary>
    public CorrelationCondition(IReadOnlyList<ConditionBound> bounds, IReadOnlyList<string> fields)
    {
        if (bounds.Count == 0)
        {
            throw new ArgumentException("A condition needs at least one comparison.", nameof(bounds));
        }

        Bounds = bounds;
        Fields = fields;
        IsLowerBoundOnly = bounds.All(static b => b.IsLowerBound);
        var minimum = 1.0;
        foreach (var bound in bounds)
        {
            minimum = Math.Max(minimum, bound.Operator == ConditionOperator.Gt ? Math.Floor(bound.Threshold) + 1 : Math.Ceiling(bound.Threshold));
        }

        MinimumCount = IsLowerBoundOnly ? (long)Math.Min(minimum, long.MaxValue / 2) : 1;
    }

    /// <summary>The comparisons, AND-ed.</summary>
    public IReadOnlyList<ConditionBound> Bounds { get; }

    /// <summary>The <c>field</c> entry: one name, several (AND-ed, for <c>value_count</c>), or none.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>
    /// Whether every comparison is <c>gt</c> or <c>gte</c>: then a growing count can be tested as each detection
    /// arrives, because it can only become true by growing.
    /// </summary>
    public bool IsLowerBoundOnly { get; }

    /// <summary>For a lower-bound-only condition, the smallest whole count that satisfies it (at least 1).</summary>
    public long MinimumCount { get; }

    /// <summary>Whether <paramref name="figure"/> satisfies every comparison.</summary>
    public bool IsMetBy(double figure)
    {
        foreach (var bound in Bounds)
        {
            if (!bound.IsMetBy(figure))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" and ", Bounds);
}

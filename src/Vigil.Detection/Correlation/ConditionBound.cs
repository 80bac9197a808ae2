namespace Vigil.Detection.Correlation;

/// <summary>One comparison of a correlation condition, such as <c>gte: 100</c>.</summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Threshold">The number the figure is compared with.</param>
internal readonly record struct ConditionBound(ConditionOperator Operator, double Threshold)
{
    /// <summary>Whether only larger figures can satisfy it (<c>gt</c>, <c>gte</c>).</summary>
    public bool IsLowerBound => Operator is ConditionOperator.Gt or ConditionOperator.Gte;

    /// <summary>Whether <paramref name="figure"/> satisfies the comparison.</summary>
    public bool IsMetBy(double figure) => Operator switch
    {
        ConditionOperator.Gt => figure > Threshold,
        ConditionOperator.Gte => figure >= Threshold,
        ConditionOperator.Lt => figure < Threshold,
        ConditionOperator.Lte => figure <= Threshold,
        ConditionOperator.Eq => figure == Threshold,
        _ => figure != Threshold,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Operator.ToString().ToLowerInvariant()} {Threshold}";
}

namespace Vigil.Detection.Correlation;

/// <summary>One detection as one correlation sees it: its time, its group and the value it contributes.</summary>
/// <param name="Detection">The detection of a referenced rule (or of a chained correlation).</param>
/// <param name="Ticks">Its event time, in UTC ticks.</param>
/// <param name="RuleIndex">The position of its rule in the correlation's <c>rules</c>.</param>
/// <param name="GroupKey">Its group-by values, encoded as one string (empty when there is no group-by).</param>
/// <param name="GroupValues">Its group-by values, in <c>group-by</c> order; null where the field is missing.</param>
/// <param name="Value">The value counted: the field value(s) for value_count and value_percentile, the rule position for temporal types.</param>
/// <param name="Number">The number summed for value_sum and value_avg; 1 otherwise.</param>
internal readonly record struct Observation(
    Engine.RuleMatch Detection,
    long Ticks,
    int RuleIndex,
    string GroupKey,
    string?[] GroupValues,
    string? Value,
    double Number);

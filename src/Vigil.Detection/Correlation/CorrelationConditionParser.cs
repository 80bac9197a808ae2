using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

/// <summary>Reads a correlation's <c>condition</c> mapping and checks it fits the correlation type.</summary>
/// <remarks>
/// Several comparisons in one mapping are AND-ed (<c>gt: 100</c> and <c>lte: 200</c> is a range). Thresholds may be
/// any finite number (the schema says integer, but a <c>value_avg</c> threshold is naturally fractional).
/// </remarks>
internal static class CorrelationConditionParser
{
    private const string Expected = "gt, gte, lt, lte, eq, neq or field";

    /// <summary>
    /// Parses <paramref name="node"/> (null when the key is absent) for a correlation of <paramref name="type"/> over
    /// <paramref name="ruleCount"/> rules; appends problems to <paramref name="errors"/> and returns null when invalid.
    /// </summary>
    public static CorrelationCondition? Parse(YamlNode? node, CorrelationType type, int ruleCount, List<string> errors)
    {
        var temporal = type is CorrelationType.Temporal or CorrelationType.TemporalOrdered;
        var needsField = type is CorrelationType.ValueCount or CorrelationType.ValueSum or CorrelationType.ValueAvg or CorrelationType.ValuePercentile;
        if (node is null || node is YamlScalarNode s && CorrelationRuleParser.Scalar(s) is null)
        {
            if (temporal)
            {
                // The specification's default for temporal types: every referenced rule must match.
                return new CorrelationCondition([new ConditionBound(ConditionOperator.Gte, ruleCount)], []);
            }

            errors.Add($"correlation.condition is missing; {Name(type)} needs one, for example 'gte: 10'{(needsField ? " and 'field'" : "")}.");
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            errors.Add($"correlation.condition must be a mapping of {Expected}, not a string or a list.");
            return null;
        }

        var bounds = new List<ConditionBound>();
        List<string>? fields = [];
        var ok = true;
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = CorrelationRuleParser.Scalar(keyNode);
            if (key == "field")
            {
                fields = CorrelationRuleParser.ReadNames(map, "field", errors, "correlation.condition.");
                ok &= fields is not null;
                continue;
            }

            ConditionOperator? op = key switch
            {
                "gt" => ConditionOperator.Gt,
                "gte" => ConditionOperator.Gte,
                "lt" => ConditionOperator.Lt,
                "lte" => ConditionOperator.Lte,
                "eq" => ConditionOperator.Eq,
                "neq" => ConditionOperator.Neq,
                _ => null,
            };
            if (op is null)
            {
                errors.Add($"correlation.condition has unknown operator '{key}'; expected {Expected}.");
                ok = false;
                continue;
            }

            var text = CorrelationRuleParser.Scalar(valueNode);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold))
            {
                errors.Add($"correlation.condition.{key} must be a number, not '{text ?? "a list or mapping"}'.");
                ok = false;
                continue;
            }

            bounds.Add(new ConditionBound(op.Value, threshold));
        }

        if (!ok || fields is null)
        {
            return null;
        }

        if (bounds.Count == 0)
        {
            errors.Add("correlation.condition has no comparison; give at least one of gt, gte, lt, lte, eq or neq.");
            return null;
        }

        if (needsField && fields.Count == 0)
        {
            errors.Add($"correlation.condition.field is required for {Name(type)}: name the field whose values are {(type == CorrelationType.ValueCount ? "counted" : "aggregated")}.");
            return null;
        }

        if (needsField && type != CorrelationType.ValueCount && fields.Count > 1)
        {
            errors.Add($"correlation.condition.field must name a single field for {Name(type)}.");
            return null;
        }

        if (!needsField && fields.Count > 0)
        {
            errors.Add($"correlation.condition.field only applies to value_count, value_sum, value_avg and value_percentile, not {Name(type)}.");
            return null;
        }

        return new CorrelationCondition(bounds, fields);
    }

    /// <summary>The type as written in YAML.</summary>
    public static string Name(CorrelationType type) => type switch
    {
        CorrelationType.EventCount => "event_count",
        CorrelationType.ValueCount => "value_count",
        CorrelationType.Temporal => "temporal",
        CorrelationType.TemporalOrdered => "temporal_ordered",
        CorrelationType.ValueSum => "value_sum",
        CorrelationType.ValueAvg => "value_avg",
        _ => "value_percentile",
    };
}

using System.Globalization;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Correlation;

/// <summary>Turns the <c>correlation</c> section of a rule document into a <see cref="CorrelationRule"/>.</summary>
/// <remarks>
/// Follows the Sigma correlation specification 2.1. Bad input never throws: every problem found is reported with kind
/// <c>bad-correlation</c> and a sentence naming the key at fault, and the rule is dropped (null). Choices where the
/// specification is loose: <c>group-by</c> may be absent (one group for everything); <c>rules</c> and
/// <c>group-by</c> may be a single string; <c>generate</c> is read inside <c>correlation</c> (as pySigma does) or at
/// the top level (as the specification's schema does), inside winning; unknown keys inside <c>correlation</c> are
/// errors, because a misspelt <c>group-by</c> would otherwise silently correlate everything together.
/// </remarks>
internal static class CorrelationRuleParser
{
    private const string Kind = "bad-correlation";

    /// <summary>The longest timespan accepted; a longer window only holds state for longer.</summary>
    private static readonly TimeSpan MaxTimespan = TimeSpan.FromDays(3650);

    private static readonly string[] Keys = ["type", "rules", "aliases", "group-by", "timespan", "condition", "generate"];

    /// <summary>Parses <paramref name="root"/>'s <c>correlation</c> section, or reports why it cannot and returns null.</summary>
    public static CorrelationRule? Parse(YamlMappingNode root, RuleInfo info, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(problems);
        var errors = new List<string>();
        var correlation = Read(root, info, errors);
        foreach (var error in errors)
        {
            problems.Report(new InputProblem(info.File, "", Kind, $"Correlation rule '{info.Title}': {error}"));
        }

        return errors.Count == 0 ? correlation : null;
    }

    private static CorrelationRule? Read(YamlMappingNode root, RuleInfo info, List<string> errors)
    {
        if (Child(root, "correlation") is not YamlMappingNode section)
        {
            errors.Add("the 'correlation' key must hold a mapping with type, rules, timespan and the other correlation keys.");
            return null;
        }

        foreach (var key in section.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !Keys.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"correlation.{(key as YamlScalarNode)?.Value ?? "?"} is not a correlation key; expected {string.Join(", ", Keys)}.");
            }
        }

        var type = ReadType(section, errors);
        var rules = ReadNames(section, "rules", errors);
        if (rules is { Count: 0 })
        {
            errors.Add("correlation.rules is missing or empty; list the ids or names of the rules to correlate.");
        }

        var groupBy = ReadNames(section, "group-by", errors) ?? [];
        var timespan = ReadTimespan(section, errors);
        var aliases = ReadAliases(section, errors);
        var generate = ReadGenerate(section, root, errors);
        var condition = type is { } t && rules is not null
            ? CorrelationConditionParser.Parse(Child(section, "condition"), t, rules.Count, errors)
            : null;
        if (type is null || rules is null || rules.Count == 0 || timespan is null || aliases is null || generate is null || condition is null)
        {
            return null;
        }

        return new CorrelationRule(info, type.Value, rules, groupBy, timespan.Value, condition, aliases, generate.Value);
    }

    private static CorrelationType? ReadType(YamlMappingNode section, List<string> errors)
    {
        var text = Scalar(Child(section, "type"));
        CorrelationType? type = text switch
        {
            "event_count" => CorrelationType.EventCount,
            "value_count" => CorrelationType.ValueCount,
            "temporal" => CorrelationType.Temporal,
            "temporal_ordered" => CorrelationType.TemporalOrdered,
            "value_sum" => CorrelationType.ValueSum,
            "value_avg" => CorrelationType.ValueAvg,
            "value_percentile" => CorrelationType.ValuePercentile,
            _ => null,
        };
        if (type is null)
        {
            errors.Add(text is null
                ? "correlation.type is missing; expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile."
                : $"correlation.type '{text}' is not a correlation type; expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile.");
        }

        return type;
    }

    /// <summary>A list of non-empty, distinct strings (or one string); null when malformed; empty when absent.</summary>
    internal static List<string>? ReadNames(YamlMappingNode map, string key, List<string> errors, string prefix = "correlation.")
    {
        IList<YamlNode>? items = Child(map, key) switch
        {
            null => [],
            YamlScalarNode s when IsNull(s) => [],
            YamlScalarNode s => [s],
            YamlSequenceNode seq => seq.Children,
            _ => null,
        };
        var names = new List<string>();
        foreach (var item in items ?? [])
        {
            if (Scalar(item) is not { Length: > 0 } name)
            {
                errors.Add($"{prefix}{key} must list plain, non-empty strings.");
                return null;
            }

            if (names.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"{prefix}{key} lists '{name}' twice.");
                return null;
            }

            names.Add(name);
        }

        if (items is null)
        {
            errors.Add($"{prefix}{key} must be a string or a list of strings.");
            return null;
        }

        return names;
    }

    private static TimeSpan? ReadTimespan(YamlMappingNode section, List<string> errors)
    {
        var text = Scalar(Child(section, "timespan"));
        if (text is null)
        {
            errors.Add("correlation.timespan is missing; give a whole number and a unit, s, m, h or d (for example 90m).");
            return null;
        }

        var seconds = text.Length < 2 ? 0 : text[^1] switch
        {
            's' => 1L,
            'm' => 60L,
            'h' => 3600L,
            'd' => 86400L,
            _ => 0L,
        };
        if (seconds == 0 || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            errors.Add($"correlation.timespan '{text}' is not a whole number followed by s, m, h or d (for example 90m).");
            return null;
        }

        if (count == 0 || count > MaxTimespan.TotalSeconds / seconds)
        {
            errors.Add($"correlation.timespan '{text}' must be greater than zero and at most {MaxTimespan.TotalDays:0} days.");
            return null;
        }

        return TimeSpan.FromSeconds(count * seconds);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>>? ReadAliases(YamlMappingNode section, List<string> errors)
    {
        var aliases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        switch (Child(section, "aliases"))
        {
            case null:
            case YamlScalarNode s when IsNull(s):
                return aliases;
            case YamlMappingNode map:
                foreach (var (aliasNode, mappingNode) in map.Children)
                {
                    var alias = Scalar(aliasNode);
                    if (alias is not { Length: > 0 } || mappingNode is not YamlMappingNode mapping)
                    {
                        errors.Add($"correlation.aliases.{alias ?? "?"} must map rule names to field names.");
                        return null;
                    }

                    var byRule = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var (rule, field) in mapping.Children)
                    {
                        if (Scalar(rule) is not { Length: > 0 } ruleName || Scalar(field) is not { Length: > 0 } fieldName)
                        {
                            errors.Add($"correlation.aliases.{alias} must map rule names to field names (plain strings).");
                            return null;
                        }

                        byRule[ruleName] = fieldName;
                    }

                    aliases[alias] = byRule;
                }

                return aliases;
            default:
                errors.Add("correlation.aliases must be a mapping of alias names to {rule name: field name} mappings.");
                return null;
        }
    }

    private static bool? ReadGenerate(YamlMappingNode section, YamlMappingNode root, List<string> errors)
    {
        var (node, key) = Child(section, "generate") is { } inner ? (inner, "correlation.generate") : (Child(root, "generate"), "generate");
        if (node is null || node is YamlScalarNode s && IsNull(s))
        {
            return false;
        }

        var text = Scalar(node);
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        errors.Add($"{key} must be true or false, not '{text ?? "a list or mapping"}'.");
        return null;
    }

    internal static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The text of a non-null scalar; null for anything else.</summary>
    internal static string? Scalar(YamlNode? node) => node is YamlScalarNode s && !IsNull(s) ? s.Value : null;

    private static bool IsNull(YamlScalarNode s) => YamlValues.IsNull(s);
}

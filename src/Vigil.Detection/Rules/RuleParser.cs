using System.Security.Cryptography;
using System.Text;
using Vigil.Detection.Conditions;
using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;
using static Vigil.Detection.Rules.YamlValues;

namespace Vigil.Detection.Rules;

/// <summary>Turns one YAML rule document into a <see cref="SigmaRule"/> or a <see cref="FilterRule"/>.</summary>
/// <remarks>Bad rules are reported with the file, the place and the reason, and return null; nothing throws.</remarks>
internal static class RuleParser
{
    public static RuleInfo ParseInfo(YamlMappingNode root, string file, int documentIndex)
    {
        var title = Text(root, "title") ?? Path.GetFileNameWithoutExtension(file);
        var id = Text(root, "id") ?? DerivedId(file, documentIndex);
        var level = Text(root, "level")?.ToLowerInvariant() switch
        {
            "low" => Level.Low,
            "medium" => Level.Medium,
            "high" => Level.High,
            "critical" => Level.Critical,
            _ => Level.Informational,
        };
        Logsource logsource = Logsource.Any;
        if (Child(root, "logsource") is YamlMappingNode ls)
        {
            logsource = new Logsource(
                Text(ls, "product")?.ToLowerInvariant(), Text(ls, "category")?.ToLowerInvariant(), Text(ls, "service")?.ToLowerInvariant());
        }

        return new RuleInfo(
            id,
            Text(root, "name"),
            title,
            level,
            Text(root, "author") ?? "",
            List(root, "tags"),
            Text(root, "status") ?? "",
            Text(root, "description") ?? "",
            file,
            logsource);
    }

    public static SigmaRule? ParseRule(YamlMappingNode root, RuleInfo info, IProblemSink problems)
    {
        if (Child(root, "detection") is not YamlMappingNode detection)
        {
            problems.Report(new InputProblem(info.File, Where(root), "bad-rule", "the 'detection' section must be a mapping"));
            return null;
        }

        if (Child(root, "logsource") is not YamlMappingNode)
        {
            problems.Report(new InputProblem(info.File, Where(root), "bad-rule", "the rule has no 'logsource' mapping"));
            return null;
        }

        var condition = ParseCondition(Child(detection, "condition"), info.File, detection, problems);
        if (condition is null)
        {
            return null;
        }

        var selections = ParseSelections(detection, info.File, problems, "condition", "timeframe");
        return selections is null ? null : new SigmaRule(info, selections, condition);
    }

    public static FilterRule? ParseFilter(YamlMappingNode root, RuleInfo info, IProblemSink problems)
    {
        if (Child(root, "filter") is not YamlMappingNode filter)
        {
            problems.Report(new InputProblem(info.File, Where(root), "bad-filter", "the 'filter' section must be a mapping"));
            return null;
        }

        var rules = List(filter, "rules");
        if (rules.Count == 0)
        {
            problems.Report(new InputProblem(info.File, Where(filter), "bad-filter", "the filter names no 'rules' to apply to"));
            return null;
        }

        var condition = ParseCondition(Child(filter, "condition"), info.File, filter, problems);
        if (condition is null)
        {
            return null;
        }

        var selections = ParseSelections(filter, info.File, problems, "condition", "rules");
        return selections is null ? null : new FilterRule(info, rules, selections, condition);
    }

    private static ConditionNode? ParseCondition(YamlNode? node, string file, YamlNode parent, IProblemSink problems)
    {
        string[] texts = node switch
        {
            YamlScalarNode s when !IsNull(s) => [s.Value!],
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(static s => s.Value ?? "").ToArray(),
            _ => [],
        };
        if (texts.Length == 0)
        {
            problems.Report(new InputProblem(file, Where(parent), "bad-condition", "there is no 'condition'"));
            return null;
        }

        ConditionNode? result = null;
        foreach (var text in texts)
        {
            var parsed = ConditionParser.Parse(text, out var error);
            if (parsed is null)
            {
                problems.Report(new InputProblem(file, Where(node!), "bad-condition", $"condition '{text}': {error}"));
                return null;
            }

            // A list of conditions is their disjunction.
            result = result is null ? parsed : new OrNode(result, parsed);
        }

        return result;
    }

    private static Dictionary<string, SelectionDef>? ParseSelections(
        YamlMappingNode section, string file, IProblemSink problems, params string[] reserved)
    {
        var selections = new Dictionary<string, SelectionDef>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in section.Children)
        {
            var name = ((YamlScalarNode)keyNode).Value ?? "";
            if (reserved.Contains(name))
            {
                continue;
            }

            var alternatives = ParseSelection(name, value, file, problems);
            if (alternatives is null)
            {
                return null;
            }

            selections[name] = new SelectionDef(name, alternatives);
        }

        return selections;
    }

    private static List<IReadOnlyList<FieldSpec>>? ParseSelection(string name, YamlNode node, string file, IProblemSink problems)
    {
        var alternatives = new List<IReadOnlyList<FieldSpec>>();
        var keywords = new List<string?>();
        switch (node)
        {
            case YamlMappingNode map:
                var specs = ParseMap(map, file, problems);
                if (specs is null)
                {
                    return null;
                }

                alternatives.Add(specs);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    if (item is YamlMappingNode itemMap)
                    {
                        var itemSpecs = ParseMap(itemMap, file, problems);
                        if (itemSpecs is null)
                        {
                            return null;
                        }

                        alternatives.Add(itemSpecs);
                    }
                    else if (item is YamlScalarNode scalar)
                    {
                        keywords.Add(IsNull(scalar) ? null : scalar.Value);
                    }
                    else
                    {
                        problems.Report(new InputProblem(file, Where(item), "bad-selection", $"selection '{name}' holds a nested list"));
                        return null;
                    }
                }

                break;
            case YamlScalarNode scalar when !IsNull(scalar):
                keywords.Add(scalar.Value);
                break;
            default:
                problems.Report(new InputProblem(file, Where(node), "bad-selection", $"selection '{name}' is empty"));
                return null;
        }

        if (keywords.Count > 0)
        {
            alternatives.Add([new FieldSpec(null, [], keywords, name)]);
        }

        if (alternatives.Count == 0)
        {
            problems.Report(new InputProblem(file, Where(node), "bad-selection", $"selection '{name}' is empty"));
            return null;
        }

        return alternatives;
    }

    private static List<FieldSpec>? ParseMap(YamlMappingNode map, string file, IProblemSink problems)
    {
        var specs = new List<FieldSpec>(map.Children.Count);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var parts = key.Split('|');
            var field = parts[0].Length == 0 ? null : parts[0];
            var modifiers = parts.Skip(1).Select(static m => m.Trim().ToLowerInvariant()).ToList();
            var values = new List<string?>();
            switch (value)
            {
                case YamlScalarNode s:
                    values.Add(IsNull(s) ? null : s.Value);
                    break;
                case YamlSequenceNode seq:
                    foreach (var item in seq.Children)
                    {
                        if (item is not YamlScalarNode itemScalar)
                        {
                            problems.Report(new InputProblem(file, Where(item), "bad-selection", $"'{key}' holds a value that is not a scalar"));
                            return null;
                        }

                        values.Add(IsNull(itemScalar) ? null : itemScalar.Value);
                    }

                    break;
                default:
                    problems.Report(new InputProblem(file, Where(value), "bad-selection", $"'{key}' holds a mapping; expected a value or a list"));
                    return null;
            }

            specs.Add(new FieldSpec(field, modifiers, values, key));
        }

        return specs;
    }

    private static string DerivedId(string file, int documentIndex)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Path.GetFullPath(file)}#{documentIndex}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;
using static Vigil.Detection.Rules.YamlValues;

namespace Vigil.Detection.Pipelines;

/// <summary>
/// A field-mapping pipeline, as data, in the spirit of pySigma processing pipelines: an ordered list of
/// transformations, each applied to the rules whose logsource matches its <c>rule_conditions</c>.
/// </summary>
/// <remarks>
/// Supported transformation types: <c>field_name_mapping</c> (<c>mapping: {RuleField: EventField}</c>),
/// <c>field_name_prefix</c> and <c>field_name_suffix</c> (<c>prefix:</c>/<c>suffix:</c>), and
/// <c>add_condition</c> (<c>conditions: {Field: value or list}</c>, AND-ed to the rule). Rule conditions:
/// <c>type: logsource</c> with any of product/category/service. An unknown type is reported and skipped.
/// </remarks>
public sealed class Pipeline
{
    private readonly List<Transformation> _transformations;

    private Pipeline(string name, List<Transformation> transformations)
    {
        Name = name;
        _transformations = transformations;
    }

    /// <summary>The pipeline's name.</summary>
    public string Name { get; }

    /// <summary>Reads a pipeline file; problems are reported and the bad transformations skipped.</summary>
    public static Pipeline Load(string path, IProblemSink problems)
    {
        try
        {
            return Parse(File.ReadAllText(path), path, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(path, "", "unreadable", e.Message));
            return new Pipeline(path, []);
        }
    }

    /// <summary>Parses a pipeline from YAML text.</summary>
    public static Pipeline Parse(string yaml, string file, IProblemSink problems)
    {
        if (YamlValues.Load(new StringReader(yaml), file, "bad-pipeline", problems) is not { } stream)
        {
            return new Pipeline(file, []);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || Child(root, "transformations") is not YamlSequenceNode items)
        {
            problems.Report(new InputProblem(file, "", "bad-pipeline", "expected a 'transformations' list"));
            return new Pipeline(file, []);
        }

        var transformations = new List<Transformation>();
        foreach (var item in items.Children.OfType<YamlMappingNode>())
        {
            var type = Text(item, "type") ?? "";
            var when = new List<Logsource>();
            if (Child(item, "rule_conditions") is YamlSequenceNode conds)
            {
                foreach (var c in conds.Children.OfType<YamlMappingNode>())
                {
                    if (Text(c, "type") != "logsource")
                    {
                        problems.Report(new InputProblem(file, Where(c), "bad-pipeline", $"rule condition type '{Text(c, "type")}' is not supported (use 'logsource')"));
                        continue;
                    }

                    when.Add(new Logsource(Text(c, "product"), Text(c, "category"), Text(c, "service")));
                }
            }

            var pairs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var section = type switch { "field_name_mapping" => "mapping", "add_condition" => "conditions", _ => null };
            if (section is not null && Child(item, section) is YamlMappingNode map)
            {
                foreach (var (k, _) in map.Children)
                {
                    var key = ((YamlScalarNode)k).Value!;
                    pairs[key] = List(map, key);
                }
            }

            switch (type)
            {
                case "field_name_mapping" or "add_condition" when pairs.Count > 0:
                case "field_name_prefix" when Text(item, "prefix") is not null:
                case "field_name_suffix" when Text(item, "suffix") is not null:
                    transformations.Add(new Transformation(type, when, pairs, Text(item, "prefix") ?? Text(item, "suffix") ?? ""));
                    break;
                default:
                    problems.Report(new InputProblem(file, Where(item), "bad-pipeline", $"transformation '{type}' is unknown or lacks its settings"));
                    break;
            }
        }

        return new Pipeline(Text(root, "name") ?? file, transformations);
    }

    /// <summary>Composes this pipeline's field name changes for a rule, after <paramref name="inner"/>.</summary>
    internal Func<string, string> MapFields(Logsource logsource, Func<string, string> inner)
    {
        var map = inner;
        foreach (var t in _transformations.Where(t => t.Applies(logsource)))
        {
            var previous = map;
            map = t.Type switch
            {
                "field_name_mapping" => f => t.Pairs.TryGetValue(previous(f), out var to) && to.Count > 0 ? to[0] : previous(f),
                "field_name_prefix" => f => t.Text + previous(f),
                "field_name_suffix" => f => previous(f) + t.Text,
                _ => previous,
            };
        }

        return map;
    }

    /// <summary>The conditions <c>add_condition</c> adds to a rule of this logsource.</summary>
    internal IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> Conditions(Logsource logsource) =>
        _transformations.Where(t => t.Type == "add_condition" && t.Applies(logsource)).SelectMany(static t => t.Pairs);

    private sealed record Transformation(string Type, List<Logsource> When, Dictionary<string, IReadOnlyList<string>> Pairs, string Text)
    {
        public bool Applies(Logsource rule) => When.Count == 0 || When.Any(w =>
            (w.Product is null || string.Equals(w.Product, rule.Product, StringComparison.OrdinalIgnoreCase))
            && (w.Category is null || string.Equals(w.Category, rule.Category, StringComparison.OrdinalIgnoreCase))
            && (w.Service is null || string.Equals(w.Service, rule.Service, StringComparison.OrdinalIgnoreCase)));
    }
}

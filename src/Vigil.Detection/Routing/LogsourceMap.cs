using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using YamlDotNet.RepresentationModel;
using static Vigil.Detection.Rules.YamlValues;

namespace Vigil.Detection.Routing;

/// <summary>
/// Which events a Sigma logsource applies to: the logsource configuration format used by SigmaHQ's own tests
/// (<c>logsources:</c> entries with <c>category</c>/<c>product</c>/<c>service</c>, <c>conditions</c> on event fields,
/// <c>rewrite</c> to another product/service, <c>sources</c> such as <c>WinEventLog:Security</c>, and
/// <c>fieldmappings</c>), plus Vigil's own key <c>source_types</c>: the kinds of non-Windows log
/// (<c>LogEvent.SourceType</c>) the logsource means, such as <c>m365.audit</c> for <c>product: m365</c>.
/// </summary>
/// <remarks>
/// A logsource no entry covers applies to events that are not Windows events (no <c>Channel</c>), so that cloud and
/// Linux rules run on JSON logs while Windows rules never fire on the wrong channel. A logsource an entry with
/// <c>source_types</c> covers applies only to events of those source types.
/// </remarks>
public sealed class LogsourceMap
{
    private readonly List<Entry> _entries;

    private LogsourceMap(List<Entry> entries) => _entries = entries;

    /// <summary>How many entries the map has.</summary>
    public int Count => _entries.Count;

    /// <summary>Reads a logsource configuration file; problems are reported and the bad entries skipped.</summary>
    public static LogsourceMap Load(string path, IProblemSink problems)
    {
        try
        {
            return Parse(File.ReadAllText(path), path, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(path, "", "unreadable", e.Message));
            return new LogsourceMap([]);
        }
    }

    /// <summary>Parses a logsource configuration from YAML text.</summary>
    public static LogsourceMap Parse(string yaml, string name, IProblemSink problems)
    {
        var entries = new List<Entry>();
        if (YamlValues.Load(new StringReader(yaml), name, "bad-logsources", problems) is not { } stream)
        {
            return new LogsourceMap(entries);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || Child(root, "logsources") is not YamlMappingNode logsources)
        {
            problems.Report(new InputProblem(name, "", "bad-logsources", "expected a 'logsources' mapping"));
            return new LogsourceMap(entries);
        }

        foreach (var (key, node) in logsources.Children)
        {
            if (node is not YamlMappingNode map)
            {
                problems.Report(new InputProblem(name, Where(node), "bad-logsources", $"entry '{key}' is not a mapping"));
                continue;
            }

            var conditions = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            if (Child(map, "conditions") is YamlMappingNode conds)
            {
                foreach (var (field, _) in conds.Children)
                {
                    var fieldName = ((YamlScalarNode)field).Value!;
                    conditions.Add(new(fieldName, List(conds, fieldName)));
                }
            }

            Logsource? rewrite = Child(map, "rewrite") is YamlMappingNode rw
                ? new Logsource(Text(rw, "product"), Text(rw, "category"), Text(rw, "service"))
                : null;
            var channels = List(map, "sources")
                .Where(static s => s.StartsWith("WinEventLog:", StringComparison.Ordinal))
                .Select(static s => s["WinEventLog:".Length..])
                .ToList();
            var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
            if (Child(map, "fieldmappings") is YamlMappingNode fm)
            {
                foreach (var (from, to) in fm.Children)
                {
                    if (to is YamlScalarNode target && target.Value is not null)
                    {
                        mappings[((YamlScalarNode)from).Value!] = target.Value;
                    }
                    else
                    {
                        problems.Report(new InputProblem(name, Where(to), "bad-logsources", $"field mapping of '{from}' must be one field name"));
                    }
                }
            }

            entries.Add(new Entry(
                new Logsource(Text(map, "product"), Text(map, "category"), Text(map, "service")),
                conditions, rewrite, channels, mappings, List(map, "source_types")));
        }

        return new LogsourceMap(entries);
    }

    /// <summary>The routes of a rule's logsource; <see cref="Route.Generic"/> alone when no entry covers it.</summary>
    internal IReadOnlyList<Route> Resolve(Logsource logsource)
    {
        var routes = new List<Route>();
        foreach (var entry in _entries)
        {
            if (!Covers(entry, logsource))
            {
                continue;
            }

            var conditions = new List<KeyValuePair<string, IReadOnlyList<string>>>(entry.Conditions);
            var channels = new List<string>(entry.Channels);
            var sourceTypes = new List<string>(entry.SourceTypes);
            var mappings = new Dictionary<string, string>(entry.FieldMappings, StringComparer.Ordinal);
            if (entry.Rewrite is { } rewrite)
            {
                foreach (var target in _entries.Where(e => e.Channels.Count > 0 && Covers(e.Logsource, rewrite)))
                {
                    channels.AddRange(target.Channels);
                    sourceTypes.AddRange(target.SourceTypes);
                    conditions.AddRange(target.Conditions);
                    foreach (var (from, to) in target.FieldMappings)
                    {
                        mappings.TryAdd(from, to);
                    }
                }
            }

            var eventIds = conditions.Where(static c => c.Key == "EventID").SelectMany(static c => c.Value).Distinct().ToList();
            routes.Add(new Route(
                channels.Count > 0 ? channels.Distinct().ToList() : null,
                eventIds.Count > 0 ? eventIds : null,
                conditions.Where(static c => c.Key != "EventID").ToList(),
                mappings,
                channels.Count == 0 && sourceTypes.Count > 0 ? sourceTypes.Distinct(StringComparer.OrdinalIgnoreCase).ToList() : null));
        }

        return routes.Count > 0 ? routes : [Route.Generic];
    }

    /// <summary>
    /// An entry covers a logsource when it names a category or service (or, with source types, at least a product)
    /// and all it names agree.
    /// </summary>
    private static bool Covers(Entry entry, Logsource rule) => Covers(entry.Logsource, rule, entry.SourceTypes.Count > 0);

    private static bool Covers(Logsource entry, Logsource rule, bool typed = false) =>
        (entry.Category is not null || entry.Service is not null || (typed && entry.Product is not null))
        && Agrees(entry.Product, rule.Product)
        && Agrees(entry.Category, rule.Category)
        && Agrees(entry.Service, rule.Service);

    private static bool Agrees(string? entry, string? rule) =>
        entry is null || string.Equals(entry, rule, StringComparison.OrdinalIgnoreCase);

    private sealed record Entry(
        Logsource Logsource,
        IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Conditions,
        Logsource? Rewrite,
        IReadOnlyList<string> Channels,
        IReadOnlyDictionary<string, string> FieldMappings,
        IReadOnlyList<string> SourceTypes);
}

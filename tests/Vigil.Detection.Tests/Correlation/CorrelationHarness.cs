using System.Globalization;
using System.Text;
using Vigil.Detection.Correlation;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using YamlDotNet.RepresentationModel;

namespace Vigil.Detection.Tests.Correlation;

/// <summary>
/// Runs correlation rules over a script of hand-made detections and renders what comes out as one line.
/// </summary>
/// <remarks>
/// Plain rules <c>a</c>, <c>b</c>, <c>c</c>, <c>d</c> exist with names <c>rule_a</c>... A script is detections
/// separated by <c>;</c>, each <c>rule seconds field=value...</c> (seconds after <see cref="Origin"/>, or <c>-</c>
/// for no timestamp). Output renders as <c>id@seconds group=value... value=figure joined=a*2,b</c>, joined by
/// <c> | </c>.
/// </remarks>
internal sealed class CorrelationHarness
{
    public static readonly DateTimeOffset Origin = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyDictionary<string, string?> NoGroup = new Dictionary<string, string?>();

    private readonly Dictionary<string, RuleInfo> _byReference = new(StringComparer.Ordinal);

    public CorrelationHarness(params string[] documents)
    {
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            var plain = Plain(id);
            _byReference[plain.Id] = plain;
            _byReference[plain.Name!] = plain;
        }

        var correlations = new List<CorrelationRule>();
        foreach (var document in documents)
        {
            var correlation = Parse(document, Problems) ?? throw new InvalidOperationException($"test correlation does not parse: {string.Join("; ", Problems.Problems)}");
            correlations.Add(correlation);
            _byReference.TryAdd(correlation.Info.Id, correlation.Info);
            if (correlation.Info.Name is { } name)
            {
                _byReference.TryAdd(name, correlation.Info);
            }
        }

        Engine = new CorrelationEngine(correlations, r => _byReference.GetValueOrDefault(r), Problems);
    }

    public ProblemLog Problems { get; } = new();

    public CorrelationEngine Engine { get; }

    public RuleInfo this[string reference] => _byReference[reference];

    public static RuleInfo Plain(string id) =>
        new(id, "rule_" + id, "Rule " + id, Level.Low, "tests", [], "test", "", $"rules/{id}.yml", Logsource.Any);

    /// <summary>Parses one correlation document the way the rule loader does; metadata from title, id and name.</summary>
    public static CorrelationRule? Parse(string yaml, IProblemSink problems, string file = "test.yml")
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var title = Text(root, "title") ?? "untitled";
        var info = new RuleInfo(Text(root, "id") ?? title, Text(root, "name"), title, Level.High, "tests", [], "test", "", file, Logsource.Any);
        return CorrelationRuleParser.Parse(root, info, problems);
    }

    /// <summary>Observes every detection of <paramref name="script"/>, flushes, and renders the output.</summary>
    public string Run(string script)
    {
        var output = new List<Engine.RuleMatch>();
        foreach (var detection in Detections(script))
        {
            Engine.Observe(detection, output);
        }

        Engine.Flush(output);
        return Render(output);
    }

    public IEnumerable<Engine.RuleMatch> Detections(string script)
    {
        foreach (var line in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            DateTimeOffset? time = parts[1] == "-" ? null : Origin.AddSeconds(double.Parse(parts[1], CultureInfo.InvariantCulture));
            var evt = new LogEvent { Timestamp = time };
            foreach (var field in parts.Skip(2))
            {
                var at = field.IndexOf('=', StringComparison.Ordinal);
                evt.Add(field[..at], field[(at + 1)..]);
            }

            yield return new Engine.RuleMatch(_byReference[parts[0]], time, evt, [], NoGroup);
        }
    }

    public static string Render(IEnumerable<Engine.RuleMatch> output) => string.Join(" | ", output.Select(Render));

    public static string Render(Engine.RuleMatch d)
    {
        var text = new StringBuilder();
        text.Append(d.Rule.Id).Append('@').Append(Seconds(d.Timestamp));
        foreach (var (field, value) in d.GroupBy)
        {
            text.Append(' ').Append(field).Append('=').Append(value ?? "null");
        }

        text.Append(" value=").Append(d.Value?.ToString("R", CultureInfo.InvariantCulture) ?? "none");
        text.Append(" joined=").Append(Runs(d.Joined.Select(static j => j.Rule.Id)));
        return text.ToString();
    }

    private static string Seconds(DateTimeOffset? time) =>
        time is { } t ? (t - Origin).TotalSeconds.ToString("R", CultureInfo.InvariantCulture) : "-";

    /// <summary>Rule ids with runs compressed: a,a,a,b becomes a*3,b.</summary>
    private static string Runs(IEnumerable<string> ids)
    {
        var runs = new List<string>();
        string? current = null;
        var count = 0;
        foreach (var id in ids.Cast<string?>().Append(null))
        {
            if (id == current)
            {
                count++;
                continue;
            }

            if (current is not null)
            {
                runs.Add(count == 1 ? current : $"{current}*{count}");
            }

            current = id;
            count = 1;
        }

        return string.Join(',', runs);
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s && !YamlValues.IsNull(s) ? s.Value : null;
}

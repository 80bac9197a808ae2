using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Support;

/// <summary>Builds one-rule engines from YAML and runs them on hand-made events.</summary>
internal static class Sigma
{
    public static string Rule(string detection, string logsource = "product: test") => $"""
        title: Test rule
        id: 11111111-2222-3333-4444-555555555555
        author: Vigil tests
        level: high
        logsource:
            {logsource}
        detection:
        {Indent(detection)}
        """;

    public static LogEvent Event(params (string Name, string? Value)[] fields)
    {
        var e = new LogEvent();
        foreach (var (name, value) in fields)
        {
            e.Add(name, value);
        }

        e.Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return e;
    }

    /// <summary>Whether the detection (YAML under <c>detection:</c>) matches the event, with the prefilter on and off.</summary>
    public static bool Matches(string detection, LogEvent e)
    {
        var on = Run(Rule(detection), e, prefilter: true);
        var off = Run(Rule(detection), e, prefilter: false);
        Assert.True(on.Detections.Count == off.Detections.Count, "the prefilter changed the result");
        Assert.Empty(on.Problems.Problems);
        return on.Detections.Count > 0;
    }

    public static (List<Engine.RuleMatch> Detections, ProblemLog Problems) Run(string yaml, LogEvent e, bool prefilter = true, LogsourceMap? logsources = null)
    {
        var problems = new ProblemLog();
        var engine = new DetectionEngine(RuleSet.Parse(yaml, "test.yml", problems), new EngineOptions { Prefilter = prefilter, Logsources = logsources }, problems);
        var detections = new List<Engine.RuleMatch>();
        engine.Process(e, detections);
        engine.Flush(detections);
        return (detections, problems);
    }

    /// <summary>The problems reported when loading and compiling the rule.</summary>
    public static ProblemLog Problems(string yaml)
    {
        var problems = new ProblemLog();
        _ = new DetectionEngine(RuleSet.Parse(yaml, "bad.yml", problems), new EngineOptions(), problems);
        return problems;
    }

    private static string Indent(string text) =>
        string.Join('\n', text.Split('\n').Select(static l => "    " + l));
}

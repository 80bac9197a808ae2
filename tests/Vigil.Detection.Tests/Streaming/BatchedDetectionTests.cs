using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Streaming;

public sealed class BatchedDetectionTests
{
    private const string Rules = """
        title: Net
        id: 00000000-0000-4000-8000-000000000001
        level: low
        logsource: {category: process_creation, product: windows}
        detection:
            net:
                Image|endswith: '\net.exe'
            condition: net
        ---
        title: Log cleared
        id: 00000000-0000-4000-8000-000000000002
        logsource: {product: windows, service: security}
        detection:
            sel:
                EventID: 1102
            condition: sel
        level: high
        ---
        title: Anything from evil
        id: 00000000-0000-4000-8000-000000000003
        logsource: {product: acme}
        detection:
            sel:
                Host: evil
            condition: sel
        level: medium
        ---
        title: Evil twice
        id: evil-twice
        correlation:
            type: event_count
            rules: [00000000-0000-4000-8000-000000000003]
            timespan: 1h
            condition:
                gte: 2
            generate: true
        """;

    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    internal static DetectionEngine Engine(IReadOnlyList<IAnalytic>? analytics = null)
    {
        var problems = new ProblemLog();
        var logsources = LogsourceMap.Load(Repository.Config("logsources.yml"), problems);
        var options = new EngineOptions { Logsources = logsources, Analytics = analytics ?? [] };
        var engine = new DetectionEngine(RuleSet.Parse(Rules, "rules.yml", problems), options, problems);
        Assert.Empty(problems.Problems);
        return engine;
    }

    private static List<LogEvent> Events()
    {
        var events = new List<LogEvent>();
        for (var i = 0; i < 20; i++)
        {
            var e = (i % 4) switch
            {
                0 => Sigma.Event(("Channel", Sysmon), ("EventID", "1"), ("Image", i % 8 == 0 ? @"C:\Windows\net.exe" : @"C:\Windows\notepad.exe")),
                1 => Sigma.Event(("Channel", "Security"), ("EventID", i % 3 == 0 ? "1102" : "4624")),
                2 => Sigma.Event(("Host", i % 6 == 2 ? "evil" : "good")),
                _ => Sigma.Event(("Channel", Sysmon), ("EventID", "3"), ("Image", @"C:\Windows\net.exe")),
            };
            e.Record = i + 1;
            events.Add(e);
        }

        return events;
    }

    private static List<(string Rule, long Record)> EventByEvent(IEnumerable<LogEvent> events)
    {
        var engine = Engine();
        var output = new List<RuleMatch>();
        foreach (var e in events)
        {
            engine.Process(e, output);
        }

        return [.. output.Select(static d => (d.Rule.Id, d.Event.Record))];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(256)]
    public void Batches_of_any_size_give_the_detections_of_event_by_event_in_the_same_order(int size)
    {
        var events = Events();
        var expected = EventByEvent(events);
        // Six rule detections, and the correlation on the second evil host.
        Assert.Equal(7, expected.Count);

        var found = new List<(string, long)>();
        var emits = 0;
        var read = new BatchedDetection(Engine(), size).Run(events, [], batch =>
        {
            emits++;
            found.AddRange(batch.Select(static d => (d.Rule.Id, d.Event.Record)));
        });

        Assert.Equal(events.Count, read);
        Assert.Equal(expected, found);
        Assert.InRange(emits, 1, (events.Count + size - 1) / size);
    }

    [Fact]
    public void Analytics_rules_and_correlations_report_in_input_order_in_a_batch_as_event_by_event()
    {
        var events = Events();
        foreach (var e in events.Where(static e => e.Record % 5 == 0))
        {
            e.SourceType = "m365.audit";
        }

        List<string> Run(Action<DetectionEngine, List<RuleMatch>> process)
        {
            var engine = Engine([new EveryEvent()]);
            var output = new List<RuleMatch>();
            process(engine, output);
            return [.. output.Select(static d => $"{d.Rule.Id}@{d.Event.Record}")];
        }

        var expected = Run((engine, output) => events.ForEach(e => engine.Process(e, output)));
        var batched = Run((engine, output) => engine.Process(events.ToArray(), output));
        Assert.Equal(expected, batched);
        Assert.Contains("vigil-analytic-every@5", expected);
        Assert.Contains("evil-twice@15", expected);
    }

    [Fact]
    public void Emit_sees_each_batch_once_and_the_output_is_left_empty()
    {
        var output = new List<RuleMatch>();
        var sizes = new List<int>();
        var events = Enumerable.Range(0, 5).Select(static _ => Sigma.Event(("Channel", Sysmon), ("EventID", "1"), ("Image", @"C:\Windows\net.exe"))).ToList();
        var read = new BatchedDetection(Engine(), 2).Run(events, output, batch => sizes.Add(batch.Count));
        Assert.Equal(5, read);
        Assert.Equal([2, 2, 1], sizes);
        Assert.Empty(output);
    }

    [Fact]
    public void No_events_read_nothing_and_emit_nothing()
    {
        var emitted = false;
        Assert.Equal(0, new BatchedDetection(Engine()).Run([], [], _ => emitted = true));
        Assert.False(emitted);
    }

    /// <summary>An analytic of m365 events that reports each one.</summary>
    private sealed class EveryEvent : IAnalytic
    {
        public RuleInfo Info { get; } = new("vigil-analytic-every", null, "every", Level.Low, "Vigil tests", [], "test", "", "", Logsource.Any);

        public IReadOnlyCollection<string> SourceTypes { get; } = ["m365.audit"];

        public IReadOnlyDictionary<string, long> Unevaluated { get; } = new Dictionary<string, long>();

        public void Observe(LogEvent e, List<RuleMatch> output) =>
            output.Add(new RuleMatch(Info, e.Timestamp, e, [], new Dictionary<string, string?>()));
    }

    [Fact]
    public void A_batch_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchedDetection(Engine(), 0));
    }
}

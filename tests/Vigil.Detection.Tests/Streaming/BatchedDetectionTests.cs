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
        title: Whoami
        id: 00000000-0000-4000-8000-000000000001
        logsource: {category: process_creation, product: windows}
        detection:
            sel:
                Image|endswith: '\whoami.exe'
            condition: sel
        level: low
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
        """;

    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    internal static DetectionEngine Engine()
    {
        var problems = new ProblemLog();
        var logsources = LogsourceMap.Load(Repository.Config("logsources.yml"), problems);
        var engine = new DetectionEngine(RuleSet.Parse(Rules, "rules.yml", problems), new EngineOptions { Logsources = logsources }, problems);
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
                0 => Sigma.Event(("Channel", Sysmon), ("EventID", "1"), ("Image", i % 8 == 0 ? @"C:\Windows\whoami.exe" : @"C:\Windows\notepad.exe")),
                1 => Sigma.Event(("Channel", "Security"), ("EventID", i % 3 == 0 ? "1102" : "4624")),
                2 => Sigma.Event(("Host", i % 6 == 2 ? "evil" : "good")),
                _ => Sigma.Event(("Channel", Sysmon), ("EventID", "3"), ("Image", @"C:\Windows\whoami.exe")),
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
        Assert.Equal(6, expected.Count);

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
    public void Emit_sees_each_batch_once_and_the_output_is_left_empty()
    {
        var output = new List<RuleMatch>();
        var sizes = new List<int>();
        var events = Enumerable.Range(0, 5).Select(static _ => Sigma.Event(("Host", "evil"))).ToList();
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

    [Fact]
    public void A_batch_size_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchedDetection(Engine(), 0));
    }
}

using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Streaming;
using Vigil.Events;

namespace Vigil.Detection.Tests.Buckets;

/// <summary>
/// The batch overload that tells where each event's detections end (the live detector turns them into alerts for that
/// event's store id) against the same engine run event by event, an analytic's detections among them.
/// </summary>
public sealed class BatchEndsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void Ends_match_event_by_event(int size)
    {
        var events = Events();
        var expected = EventByEvent(events);

        var engine = BatchedDetectionTests.Engine([new ReportEveryFourth()]);
        var output = new List<RuleMatch> { null! };
        var found = new List<List<string>>();
        for (var at = 0; at < events.Length; at += size)
        {
            var batch = events.AsSpan(at, Math.Min(size, events.Length - at));
            var ends = new int[batch.Length];
            var from = output.Count;
            engine.Process(batch, output, ends);
            for (var i = 0; i < batch.Length; i++)
            {
                found.Add([.. output.Skip(from).Take(ends[i] - from).Select(static d => d.Rule.Id)]);
                from = ends[i];
            }

            Assert.Equal(output.Count, from);
        }

        Assert.Equal(expected, found);
        Assert.Contains(expected, static d => d.Count > 0);
        Assert.Contains(expected, static d => d.Contains("vigil-analytic-fourth"));
    }

    [Fact]
    public void A_span_shorter_than_the_batch_is_refused_and_an_empty_one_means_not_wanted()
    {
        var engine = BatchedDetectionTests.Engine();
        var events = Events();
        Assert.Throws<ArgumentException>(() => engine.Process(events, [], new int[1]));
        var output = new List<RuleMatch>();
        engine.Process(events, output, []);
        Assert.NotEmpty(output);
    }

    private static LogEvent[] Events() =>
    [
        .. Enumerable.Range(0, 24).Select(static i =>
        {
            var e = (i % 3) switch
            {
                0 => Support.Sigma.Event(("Channel", "Microsoft-Windows-Sysmon/Operational"), ("EventID", "1"), ("Image", i % 2 == 0 ? @"C:\Windows\net.exe" : @"C:\x.exe")),
                1 => Support.Sigma.Event(("Host", i % 4 == 1 ? "evil" : "good")),
                _ => Support.Sigma.Event(("Channel", "Security"), ("EventID", "1102")),
            };
            e.Record = i + 1;
            e.SourceType = i % 2 == 0 ? "m365.audit" : "";
            return e;
        }),
    ];

    private static List<List<string>> EventByEvent(LogEvent[] events)
    {
        var engine = BatchedDetectionTests.Engine([new ReportEveryFourth()]);
        var detections = new List<List<string>>();
        foreach (var e in events)
        {
            var output = new List<RuleMatch>();
            engine.Process(e, output);
            detections.Add([.. output.Select(static d => d.Rule.Id)]);
        }

        return detections;
    }

    /// <summary>An analytic of m365 events that reports every fourth one it sees.</summary>
    private sealed class ReportEveryFourth : IAnalytic
    {
        private long _seen;

        public RuleInfo Info { get; } = new("vigil-analytic-fourth", null, "fourth", Level.Low, "Vigil tests", [], "test", "", "", Logsource.Any);

        public IReadOnlyCollection<string> SourceTypes { get; } = ["m365.audit"];

        public IReadOnlyDictionary<string, long> Unevaluated { get; } = new Dictionary<string, long>();

        public void Observe(LogEvent e, List<RuleMatch> output)
        {
            if (++_seen % 4 == 0)
            {
                output.Add(new RuleMatch(Info, e.Timestamp, e, [], new Dictionary<string, string?>()));
            }
        }
    }
}

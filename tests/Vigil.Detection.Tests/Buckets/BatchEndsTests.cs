using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Streaming;
using Vigil.Events;

namespace Vigil.Detection.Tests.Buckets;

/// <summary>
/// The batch overload that tells each event's detections and whether an analytic kept it (the live detector maps
/// those events to store ids) against the same engine run event by event.
/// </summary>
public sealed class BatchEndsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(17)]
    public void Ends_and_kept_flags_match_event_by_event(int size)
    {
        var events = Events();
        var (expected, expectedKept) = EventByEvent(events);

        var keeper = new KeepEveryThird();
        var engine = BatchedDetectionTests.Engine([keeper]);
        var output = new List<RuleMatch> { null! };
        var found = new List<List<string>>();
        var kept = new List<bool>();
        for (var at = 0; at < events.Length; at += size)
        {
            var batch = events.AsSpan(at, Math.Min(size, events.Length - at));
            var ends = new int[batch.Length];
            var flags = new bool[batch.Length + 3];
            var from = output.Count;
            engine.Process(batch, output, ends, flags);
            for (var i = 0; i < batch.Length; i++)
            {
                found.Add([.. output.Skip(from).Take(ends[i] - from).Select(static d => d.Rule.Id)]);
                from = ends[i];
                kept.Add(flags[i]);
            }

            Assert.Equal(output.Count, from);
        }

        Assert.Equal(expected, found);
        Assert.Equal(expectedKept, kept);
        Assert.Contains(expected, static d => d.Count > 0);
        Assert.Contains(expectedKept, static k => k);
    }

    [Fact]
    public void Spans_shorter_than_the_batch_are_refused_and_empty_ones_mean_not_wanted()
    {
        var engine = BatchedDetectionTests.Engine();
        var events = Events();
        Assert.Throws<ArgumentException>(() => engine.Process(events, [], new int[1], []));
        Assert.Throws<ArgumentException>(() => engine.Process(events, [], [], new bool[1]));
        var output = new List<RuleMatch>();
        engine.Process(events, output, [], []);
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

    private static (List<List<string>> Detections, List<bool> Kept) EventByEvent(LogEvent[] events)
    {
        var keeper = new KeepEveryThird();
        var engine = BatchedDetectionTests.Engine([keeper]);
        var detections = new List<List<string>>();
        var kept = new List<bool>();
        foreach (var e in events)
        {
            var before = keeper.EventsKept;
            var output = new List<RuleMatch>();
            engine.Process(e, output);
            detections.Add([.. output.Select(static d => d.Rule.Id)]);
            kept.Add(keeper.EventsKept != before);
        }

        return (detections, kept);
    }

    /// <summary>An analytic of m365 events that keeps every third one it sees and reports every fourth.</summary>
    private sealed class KeepEveryThird : IAnalytic
    {
        private long _seen;

        public RuleInfo Info { get; } = new("vigil-analytic-keep", null, "keep", Level.Low, "Vigil tests", [], "test", "", "", Logsource.Any);

        public IReadOnlyCollection<string> SourceTypes { get; } = ["m365.audit"];

        public IReadOnlyDictionary<string, long> Unevaluated { get; } = new Dictionary<string, long>();

        public long EventsKept { get; private set; }

        public void Observe(LogEvent e, List<RuleMatch> output)
        {
            if (++_seen % 3 == 0)
            {
                EventsKept++;
            }

            if (_seen % 4 == 0)
            {
                output.Add(new RuleMatch(Info, e.Timestamp, e, [], new Dictionary<string, string?>()));
            }
        }
    }
}

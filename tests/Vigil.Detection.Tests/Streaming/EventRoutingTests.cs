using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Detection.Tests.Support;
using Vigil.Diagnostics;
using Vigil.Events;

namespace Vigil.Detection.Tests.Streaming;

/// <summary>The engine remembers routes by string instance; these check that it never routes wrongly for it.</summary>
public sealed class EventRoutingTests
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    private static int Detections(DetectionEngine engine, LogEvent e)
    {
        var output = new List<RuleMatch>();
        engine.Process(e, output);
        return output.Count;
    }

    private static LogEvent Windows(string channel, string eventId, string image = @"C:\Windows\net.exe") =>
        Sigma.Event(("Channel", channel), ("EventID", eventId), ("Image", image));

    [Fact]
    public void The_same_channel_in_another_case_or_another_string_instance_meets_the_same_rules()
    {
        var engine = BatchedDetectionTests.Engine();
        string[] channels = [Sysmon, new string(Sysmon.AsSpan()), Sysmon.ToUpperInvariant(), Sysmon.ToLowerInvariant(), Sysmon];
        foreach (var channel in channels)
        {
            Assert.Equal(1, Detections(engine, Windows(channel, "1")));
            Assert.Equal(1, Detections(engine, Windows(channel, new string("1".AsSpan()))));
            Assert.Equal(0, Detections(engine, Windows(channel, "3")));
        }
    }

    [Fact]
    public void More_channel_and_event_id_pairs_than_the_engine_remembers_still_route_each_to_its_own_rules()
    {
        var engine = BatchedDetectionTests.Engine();
        var eventIds = Enumerable.Range(0, 2000).Select(static i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var round = 0; round < 2; round++)
        {
            foreach (var id in eventIds)
            {
                Assert.Equal(id == "1" ? 1 : 0, Detections(engine, Windows(Sysmon, id)));
                Assert.Equal(id == "1102" ? 1 : 0, Detections(engine, Sigma.Event(("Channel", "Security"), ("EventID", id))));
                Assert.Equal(0, Detections(engine, Windows("Application", id)));
            }
        }
    }

    [Fact]
    public void Events_without_an_event_id_or_with_a_null_channel_are_routed_as_before()
    {
        var engine = BatchedDetectionTests.Engine();
        Assert.Equal(0, Detections(engine, Sigma.Event(("Channel", Sysmon), ("Image", @"C:\Windows\net.exe"))));
        Assert.Equal(1, Detections(engine, Sigma.Event(("Channel", null), ("Host", "evil"))));
        // An event with a channel is a Windows event; an empty channel is none of the routed ones.
        Assert.Equal(0, Detections(engine, Sigma.Event(("Channel", ""), ("EventID", "1102"), ("Host", "evil"))));
    }

    [Fact]
    public void Alternating_source_types_each_meet_only_their_rules()
    {
        const string m365Rule = """
            title: Forwarding
            id: 00000000-0000-4000-8000-000000000009
            logsource: {product: m365, service: exchange}
            detection:
                sel:
                    Operation: New-InboxRule
                condition: sel
            level: high
            """;
        var problems = new ProblemLog();
        var logsources = LogsourceMap.Load(Repository.Config("logsources.yml"), problems);
        var engine = new DetectionEngine(RuleSet.Parse(m365Rule, "m365.yml", problems), new EngineOptions { Logsources = logsources }, problems);
        (string SourceType, int Expected)[] cases = [("m365.audit", 1), ("iis", 0), ("", 1), ("m365.audit", 1), ("entra.signin", 0), ("json", 1), ("iis", 0)];
        for (var round = 0; round < 2; round++)
        {
            foreach (var (sourceType, expected) in cases)
            {
                var e = Sigma.Event(("Operation", "New-InboxRule"));
                e.SourceType = round == 0 ? sourceType : new string(sourceType.AsSpan());
                Assert.Equal(expected, Detections(engine, e));
            }
        }
    }

    [Fact]
    public void Analytics_see_only_the_source_types_they_read_whatever_order_the_events_come_in()
    {
        var m365 = new Recording("m365", ["m365.audit"]);
        var anyCase = new Recording("any-case", new HashSet<string>(["iis"], StringComparer.OrdinalIgnoreCase));
        var all = new Recording("all", []);
        var engine = new DetectionEngine(RuleSet.Parse("", "none.yml", new ProblemLog()), new EngineOptions { Analytics = [m365, anyCase, all] }, new ProblemLog());
        string[] sourceTypes = ["m365.audit", "iis", "IIS", "postfix", "", "m365.audit", "M365.AUDIT", "iis"];
        var output = new List<RuleMatch>();
        foreach (var sourceType in sourceTypes.Concat(sourceTypes.Select(static s => new string(s.AsSpan()))))
        {
            var e = Sigma.Event(("n", "1"));
            e.SourceType = sourceType;
            engine.Process(e, output);
        }

        Assert.Equal(["m365.audit", "m365.audit", "m365.audit", "m365.audit"], m365.Seen);
        Assert.Equal(["iis", "IIS", "iis", "iis", "IIS", "iis"], anyCase.Seen);
        Assert.Equal(16, all.Seen.Count);
        Assert.Equal(4 + 6 + 16, output.Count);
    }

    /// <summary>An analytic that reports every event it is given, remembering its source type.</summary>
    private sealed class Recording(string name, IReadOnlyCollection<string> sourceTypes) : IAnalytic
    {
        public List<string> Seen { get; } = [];

        public RuleInfo Info { get; } = new($"vigil-analytic-{name}", null, name, Level.Low, "Vigil tests", [], "test", "", "", Logsource.Any);

        public IReadOnlyCollection<string> SourceTypes => sourceTypes;

        public IReadOnlyDictionary<string, long> Unevaluated { get; } = new Dictionary<string, long>();

        public void Observe(LogEvent e, List<RuleMatch> output)
        {
            Seen.Add(e.SourceType);
            output.Add(new RuleMatch(Info, e.Timestamp, e, [], new Dictionary<string, string?>()));
        }
    }
}

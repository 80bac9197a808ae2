namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationEngineTests
{
    private const string BruteForceThenSuccess = """
        title: Brute force then success
        id: bf
        correlation:
            type: temporal_ordered
            rules:
                - many_failed
                - rule_b
            group-by:
                - User
            timespan: 10m
        """;

    private const string ManyFailed = """
        title: Many failed logins
        id: mf
        name: many_failed
        correlation:
            type: event_count
            rules:
                - rule_a
            group-by:
                - User
            timespan: 10m
            condition:
                gte: 3
        """;

    private const string InternalErrorThenConnection = """
        title: Internal error then connection
        id: pivot
        correlation:
            type: temporal
            rules:
                - rule_a
                - rule_b
            group-by:
                - internal_ip
                - remote_ip
            timespan: 10s
            aliases:
                internal_ip:
                    rule_a: destination.ip
                    rule_b: source.ip
                remote_ip:
                    rule_a: source.ip
                    rule_b: destination.ip
        """;

    private const string ThreeOfA = """
        title: Three of a
        id: three
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 60s
            condition:
                gte: 3
        """;

    private const string FewOfA = """
        title: Few of a
        id: few
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 60s
            condition:
                lt: 3
        """;

    private const string InOrder = """
        title: In order
        id: ordered
        correlation:
            type: temporal_ordered
            rules: [a, b]
            group-by: [User]
            timespan: 60s
        """;

    [Theory]
    // A chain: the inner correlation's detection is a step of the outer one, and its group-by values carry over.
    [InlineData("a 0 User=x; a 10 User=x; a 20 User=x; b 30 User=x", "bf@30 User=x value=2 joined=mf,b")]
    [InlineData("b 0 User=x; a 10 User=x; a 20 User=x; a 30 User=x", "")]
    [InlineData("a 0 User=x; a 10 User=x; a 20 User=y; b 30 User=x", "")]
    [InlineData("a 0 User=x; a 10 User=x; a 20 User=x; b 621 User=x", "")]
    public void Chained_correlations_feed_one_another(string script, string expected)
    {
        var harness = new CorrelationHarness(BruteForceThenSuccess, ManyFailed);

        Assert.Equal(expected, harness.Run(script));
        Assert.Empty(harness.Problems.Problems);
    }

    [Fact]
    public void Chained_correlation_detection_joins_the_inner_detection_with_its_own_joined()
    {
        var harness = new CorrelationHarness(BruteForceThenSuccess, ManyFailed);
        var output = new List<Engine.RuleMatch>();

        foreach (var detection in harness.Detections("a 0 User=x; a 10 User=x; a 20 User=x; b 30 User=x"))
        {
            harness.Engine.Observe(detection, output);
        }

        var outer = Assert.Single(output);
        Assert.Equal("mf@20 User=x value=3 joined=a*3", CorrelationHarness.Render(outer.Joined[0]));
        Assert.Equal("x", outer.Event.Get("User"));
    }

    [Fact]
    public void Without_generate_referenced_rules_and_inner_correlations_are_not_emitted()
    {
        var harness = new CorrelationHarness(BruteForceThenSuccess, ManyFailed);

        Assert.False(harness.Engine.ShouldEmit(harness["a"]));
        Assert.False(harness.Engine.ShouldEmit(harness["b"]));
        Assert.False(harness.Engine.ShouldEmit(harness["mf"]));
        Assert.True(harness.Engine.ShouldEmit(harness["bf"]));
        Assert.True(harness.Engine.ShouldEmit(harness["c"]));
        Assert.True(harness.Engine.IsReferenced(harness["a"]));
        Assert.True(harness.Engine.IsReferenced(harness["mf"]));
        Assert.False(harness.Engine.IsReferenced(harness["c"]));
        Assert.False(harness.Engine.IsReferenced(harness["bf"]));
    }

    [Fact]
    public void With_generate_referenced_rules_and_inner_correlations_are_emitted_too()
    {
        var harness = new CorrelationHarness(
            BruteForceThenSuccess.Replace("timespan: 10m", "timespan: 10m\n    generate: true", StringComparison.Ordinal),
            ManyFailed.Replace("timespan: 10m", "timespan: 10m\n    generate: true", StringComparison.Ordinal));

        Assert.True(harness.Engine.ShouldEmit(harness["a"]));
        Assert.True(harness.Engine.ShouldEmit(harness["mf"]));
        Assert.Equal(
            "mf@20 User=x value=3 joined=a*3 | bf@30 User=x value=2 joined=mf,b",
            harness.Run("a 0 User=x; a 10 User=x; a 20 User=x; b 30 User=x"));
    }

    [Fact]
    public void A_rule_is_emitted_when_any_correlation_that_uses_it_generates()
    {
        var generating = """
            title: Generating
            id: gen
            generate: true
            correlation:
                type: event_count
                rules: [a]
                timespan: 1m
                condition:
                    gte: 5
            """;
        var harness = new CorrelationHarness(ThreeOfA, generating);

        Assert.True(harness.Engine.ShouldEmit(harness["a"]));
    }

    [Theory]
    [InlineData("a 0 destination.ip=10.0.0.1 source.ip=1.2.3.4; b 5 source.ip=10.0.0.1 destination.ip=1.2.3.4", "pivot@5 internal_ip=10.0.0.1 remote_ip=1.2.3.4 value=2 joined=a,b")]
    [InlineData("a 0 destination.ip=10.0.0.1 source.ip=1.2.3.4; b 5 source.ip=1.2.3.4 destination.ip=10.0.0.1", "")]
    [InlineData("a 0 destination.ip=10.0.0.1 source.ip=1.2.3.4; b 11 source.ip=10.0.0.1 destination.ip=1.2.3.4", "")]
    public void Aliases_map_group_by_names_to_each_rules_own_fields(string script, string expected)
    {
        var harness = new CorrelationHarness(InternalErrorThenConnection);

        Assert.Equal(expected, harness.Run(script));
    }

    [Theory]
    // Slightly late detections are slotted in at their time.
    [InlineData(ThreeOfA, "a 10 User=x; a 0 User=x; a 20 User=x", "three@20 User=x value=3 joined=a*3", 0)]
    [InlineData(ThreeOfA, "a 50 User=x; a 55 User=x; a 0 User=x", "three@0 User=x value=3 joined=a*3", 0)]
    // Detections older than their group's window are counted and skipped.
    [InlineData(ThreeOfA, "a 100 User=x; a 30 User=x; a 110 User=x", "", 1)]
    // Detections older than a burst that fired are counted and skipped: one burst, one detection.
    [InlineData(ThreeOfA, "a 0 User=x; a 1 User=x; a 2 User=x; a 1 User=x; a 1 User=x; a 1 User=x", "three@2 User=x value=3 joined=a*3", 3)]
    [InlineData(FewOfA, "a 100 User=x; a 50 User=x", "few@100 User=x value=2 joined=a*2", 0)]
    [InlineData(FewOfA, "a 100 User=x; a 30 User=x", "few@100 User=x value=1 joined=a", 1)]
    [InlineData(InOrder, "b 10 User=x; a 5 User=x", "", 0)]
    [InlineData(InOrder, "a 10 User=x; b 5 User=x", "", 0)]
    [InlineData(InOrder, "a 5 User=x; b 10 User=x; a 0 User=x", "ordered@10 User=x value=2 joined=a,b", 1)]
    public void Out_of_order_detections_never_run_a_window_backwards(string correlation, string script, string expected, long late)
    {
        var harness = new CorrelationHarness(correlation);

        Assert.Equal(expected, harness.Run(script));
        Assert.Equal(late, harness.Engine.LateEvents);
    }

    [Fact]
    public void Detections_without_a_timestamp_are_counted_and_skipped()
    {
        var harness = new CorrelationHarness(ThreeOfA);

        var output = harness.Run("a - User=x; a 0 User=x; a - User=x; a 10 User=x; c - User=x");

        Assert.Equal("", output);
        Assert.Equal(2, harness.Engine.UntimedEvents);
    }

    [Fact]
    public void Groups_with_nothing_left_in_their_window_are_forgotten_as_event_time_advances()
    {
        var harness = new CorrelationHarness(ThreeOfA);

        // Two detections of x, then an hour of other users: x's entries are gone, so two more do not make three.
        var others = string.Join(';', Enumerable.Range(0, 60).Select(i => $"a {100 + (i * 60)} User=u{i}"));
        var output = harness.Run($"a 0 User=x; a 10 User=x; {others}; a 3700 User=x; a 3710 User=x");

        Assert.Equal("", output);
    }

    [Fact]
    public void Observing_a_correlation_detection_again_does_not_count_it_twice()
    {
        var harness = new CorrelationHarness(BruteForceThenSuccess, ManyFailed);
        var output = new List<Engine.RuleMatch>();
        var inner = new List<Engine.RuleMatch>();

        foreach (var detection in harness.Detections("a 0 User=x; a 10 User=x; a 20 User=x"))
        {
            harness.Engine.Observe(detection, output);
        }

        // The host passes everything it outputs back in; the engine already routed the inner detection itself.
        var mf = new Engine.RuleMatch(harness["mf"], CorrelationHarness.Origin.AddSeconds(20), new Vigil.Events.LogEvent(), [], new Dictionary<string, string?> { ["User"] = "x" }, 3);
        harness.Engine.Observe(mf, inner);
        foreach (var detection in harness.Detections("b 30 User=x"))
        {
            harness.Engine.Observe(detection, output);
        }

        Assert.Empty(inner);
        Assert.Equal("bf@30 User=x value=2 joined=mf,b", CorrelationHarness.Render(output));
    }
}

namespace Vigil.Detection.Tests.Correlation;

public sealed class EventCountCorrelationTests
{
    private const string AtLeastThree = """
        title: Many failed logins
        id: many
        correlation:
            type: event_count
            rules:
                - a
            group-by:
                - User
            timespan: 60s
            condition:
                gte: 3
        """;

    private const string MoreThanTwo = """
        title: Many failed logins
        id: many
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 1m
            condition:
                gt: 2
        """;

    private const string ByIdAndName = """
        title: Many of a or b
        id: many
        correlation:
            type: event_count
            rules: [rule_a, b]
            group-by: [User]
            timespan: 1m
            condition:
                gte: 3
        """;

    private const string Global = """
        title: Many anywhere
        id: many
        correlation:
            type: event_count
            rules: [a]
            timespan: 1m
            condition:
                gte: 3
        """;

    private const string FewerThanThree = """
        title: Few logins
        id: few
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 60s
            condition:
                lt: 3
        """;

    private const string TwoOrThree = """
        title: Two or three
        id: range
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 60s
            condition:
                gt: 1
                lte: 3
        """;

    private const string ExactlyTwo = """
        title: Exactly two
        id: two
        correlation:
            type: event_count
            rules: [a]
            group-by: [User]
            timespan: 60s
            condition:
                eq: 2
        """;

    [Theory]
    // Fires on the detection that reaches the threshold, with the detections it joined.
    [InlineData(AtLeastThree, "a 0 User=x; a 10 User=x; a 20 User=x", "many@20 User=x value=3 joined=a*3")]
    [InlineData(MoreThanTwo, "a 0 User=x; a 10 User=x; a 20 User=x", "many@20 User=x value=3 joined=a*3")]
    [InlineData(AtLeastThree, "a 0 User=x; a 10 User=x", "")]
    // Window edges: exactly a timespan apart is inside; one second more is not.
    [InlineData(AtLeastThree, "a 0 User=x; a 30 User=x; a 60 User=x", "many@60 User=x value=3 joined=a*3")]
    [InlineData(AtLeastThree, "a 0 User=x; a 30 User=x; a 61 User=x", "")]
    [InlineData(AtLeastThree, "a 0 User=x; a 30 User=x; a 61 User=x; a 62 User=x", "many@62 User=x value=3 joined=a*3")]
    // Groups are counted apart.
    [InlineData(AtLeastThree, "a 0 User=x; a 1 User=y; a 2 User=x; a 3 User=y; a 4 User=x", "many@4 User=x value=3 joined=a*3")]
    // After firing the group starts afresh: six detections are two bursts of three.
    [InlineData(AtLeastThree, "a 0 User=x; a 1 User=x; a 2 User=x; a 3 User=x; a 4 User=x; a 5 User=x", "many@2 User=x value=3 joined=a*3 | many@5 User=x value=3 joined=a*3")]
    // A missing group-by field groups under null.
    [InlineData(AtLeastThree, "a 0; a 1 Host=h; a 2", "many@2 User=null value=3 joined=a*3")]
    // Rules referred to by name and by id count together.
    [InlineData(ByIdAndName, "a 0 User=x; b 1 User=x; a 2 User=x", "many@2 User=x value=3 joined=a,b,a")]
    [InlineData(ByIdAndName, "a 0 User=x; c 1 User=x; a 2 User=x", "")]
    // Without group-by, everything is one group.
    [InlineData(Global, "a 0 User=x; a 1 User=y; a 2", "many@2 value=3 joined=a*3")]
    // lt: tested once per window, when it closes (here at the end of input).
    [InlineData(FewerThanThree, "a 0 User=x; a 10 User=x", "few@10 User=x value=2 joined=a*2")]
    [InlineData(FewerThanThree, "a 0 User=x; a 10 User=x; a 20 User=x", "")]
    [InlineData(FewerThanThree, "a 0 User=x; a 60 User=x; a 61 User=y", "few@60 User=x value=2 joined=a*2 | few@61 User=y value=1 joined=a")]
    [InlineData(FewerThanThree, "a 0 User=x; a 61 User=x", "few@0 User=x value=1 joined=a | few@61 User=x value=1 joined=a")]
    // A range is two comparisons AND-ed.
    [InlineData(TwoOrThree, "a 0 User=x", "")]
    [InlineData(TwoOrThree, "a 0 User=x; a 5 User=x; a 10 User=x", "range@10 User=x value=3 joined=a*3")]
    [InlineData(TwoOrThree, "a 0 User=x; a 5 User=x; a 10 User=x; a 15 User=x", "")]
    [InlineData(ExactlyTwo, "a 0 User=x; a 5 User=x; a 10 User=y", "two@5 User=x value=2 joined=a*2")]
    public void Event_count_fires_when_the_count_in_the_window_meets_the_condition(string correlation, string script, string expected)
    {
        var harness = new CorrelationHarness(correlation);

        Assert.Equal(expected, harness.Run(script));
        Assert.Empty(harness.Problems.Problems);
    }

    [Fact]
    public void Event_count_with_lt_reports_a_window_as_soon_as_event_time_passes_its_end()
    {
        var harness = new CorrelationHarness(FewerThanThree);
        var output = new List<Vigil.Detection.Engine.RuleMatch>();

        foreach (var detection in harness.Detections("a 0 User=x; a 10 User=x; b 61 User=z"))
        {
            harness.Engine.Observe(detection, output);
        }

        Assert.Equal("few@10 User=x value=2 joined=a*2", CorrelationHarness.Render(output));
    }

    [Fact]
    public void Event_count_joins_at_most_one_hundred_detections()
    {
        var harness = new CorrelationHarness(AtLeastThree.Replace("gte: 3", "gte: 250", StringComparison.Ordinal).Replace("60s", "1h", StringComparison.Ordinal));
        var script = string.Join(';', Enumerable.Range(0, 250).Select(i => $"a {i} User=x"));

        var output = harness.Run(script);

        Assert.Equal("many@249 User=x value=250 joined=a*100", output);
    }
}

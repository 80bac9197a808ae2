namespace Vigil.Detection.Tests.Correlation;

public sealed class TemporalCorrelationTests
{
    private const string AllThree = """
        title: Recon
        id: recon
        correlation:
            type: temporal
            rules: [rule_a, rule_b, rule_c]
            group-by: [Host]
            timespan: 5m
        """;

    private const string TwoOfThree = """
        title: Recon, partly
        id: recon
        correlation:
            type: temporal
            rules: [rule_a, rule_b, rule_c]
            group-by: [Host]
            timespan: 5m
            condition:
                gte: 2
        """;

    private const string InOrder = """
        title: Recon in order
        id: ordered
        correlation:
            type: temporal_ordered
            rules: [a, b, c]
            group-by: [Host]
            timespan: 5m
        """;

    private const string FirstTwoInOrder = """
        title: Recon started in order
        id: ordered
        correlation:
            type: temporal_ordered
            rules: [a, b, c]
            group-by: [Host]
            timespan: 5m
            condition:
                gte: 2
        """;

    private const string NotAllInOrder = """
        title: Sequence left unfinished
        id: unfinished
        correlation:
            type: temporal_ordered
            rules: [a, b, c]
            group-by: [Host]
            timespan: 5m
            condition:
                lt: 3
        """;

    [Theory]
    // temporal: every rule, any order, within the timespan, same group.
    [InlineData(AllThree, "c 0 Host=h; a 10 Host=h; b 20 Host=h", "recon@20 Host=h value=3 joined=c,a,b")]
    [InlineData(AllThree, "a 0 Host=h; a 5 Host=h; b 10 Host=h", "")]
    [InlineData(AllThree, "a 0 Host=h; b 100 Host=h; c 300 Host=h", "recon@300 Host=h value=3 joined=a,b,c")]
    [InlineData(AllThree, "a 0 Host=h; b 100 Host=h; c 301 Host=h", "")]
    [InlineData(AllThree, "a 0 Host=h; b 100 Host=h; c 301 Host=h; a 302 Host=h", "recon@302 Host=h value=3 joined=b,c,a")]
    [InlineData(AllThree, "a 0 Host=h; b 1 Host=g; c 2 Host=h", "")]
    [InlineData(TwoOfThree, "a 0 Host=h; a 5 Host=h; c 10 Host=h", "recon@10 Host=h value=2 joined=a,c")]
    // temporal_ordered: the rules in their listed order.
    [InlineData(InOrder, "a 0 Host=h; b 10 Host=h; c 20 Host=h", "ordered@20 Host=h value=3 joined=a,b,c")]
    [InlineData(InOrder, "c 0 Host=h; b 10 Host=h; a 20 Host=h", "")]
    [InlineData(InOrder, "a 0 Host=h; c 5 Host=h; b 10 Host=h; c 20 Host=h", "ordered@20 Host=h value=3 joined=a,b,c")]
    [InlineData(InOrder, "a 0 Host=h; a 50 Host=h; b 60 Host=h; c 320 Host=h", "ordered@320 Host=h value=3 joined=a,b,c")]
    [InlineData(InOrder, "a 0 Host=h; b 10 Host=h; c 301 Host=h", "")]
    // Equal times are in order by arrival.
    [InlineData(InOrder, "a 0 Host=h; b 0 Host=h; c 0 Host=h", "ordered@0 Host=h value=3 joined=a,b,c")]
    [InlineData(FirstTwoInOrder, "b 0 Host=h; a 10 Host=h; b 20 Host=h", "ordered@20 Host=h value=2 joined=a,b")]
    // lt: tested when the window closes; the figure is how far the sequence got.
    [InlineData(NotAllInOrder, "a 0 Host=h; b 10 Host=h", "unfinished@10 Host=h value=2 joined=a,b")]
    [InlineData(NotAllInOrder, "a 0 Host=h; b 10 Host=h; c 20 Host=h", "")]
    public void Temporal_correlations_fire_when_the_rules_match_within_the_timespan(string correlation, string script, string expected)
    {
        var harness = new CorrelationHarness(correlation);

        Assert.Equal(expected, harness.Run(script));
    }
}

namespace Vigil.Detection.Tests.Correlation;

public sealed class ValueCountCorrelationTests
{
    private const string ThreeUsers = """
        title: Password spray
        id: spray
        correlation:
            type: value_count
            rules: [a]
            group-by: [Host]
            timespan: 60s
            condition:
                field: User
                gte: 3
        """;

    private const string ThreeAccounts = """
        title: Password spray over accounts
        id: spray
        correlation:
            type: value_count
            rules: [a]
            group-by: [Host]
            timespan: 60s
            condition:
                field: [User, Domain]
                gte: 3
        """;

    private const string FewerThanThreeUsers = """
        title: Few users
        id: few
        correlation:
            type: value_count
            rules: [a]
            group-by: [Host]
            timespan: 60s
            condition:
                field: User
                lt: 3
        """;

    [Theory]
    // Repeated values count once; Joined has the latest detection of each value.
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 1 Host=h User=u1; a 2 Host=h User=u2; a 3 Host=h User=u3", "spray@3 Host=h value=3 joined=a*3")]
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 1 Host=h User=u1; a 2 Host=h User=u2", "")]
    // A value leaves the window with its latest occurrence.
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 30 Host=h User=u2; a 61 Host=h User=u3", "")]
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 30 Host=h User=u2; a 50 Host=h User=u1; a 61 Host=h User=u3", "spray@61 Host=h value=3 joined=a*3")]
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 30 Host=h User=u2; a 60 Host=h User=u3", "spray@60 Host=h value=3 joined=a*3")]
    // Groups apart.
    [InlineData(ThreeUsers, "a 0 Host=h User=u1; a 1 Host=g User=u2; a 2 Host=h User=u3", "")]
    // Several fields: distinct combinations.
    [InlineData(ThreeAccounts, "a 0 Host=h User=u Domain=d1; a 1 Host=h User=u Domain=d2; a 2 Host=h User=v Domain=d1", "spray@2 Host=h value=3 joined=a*3")]
    [InlineData(ThreeAccounts, "a 0 Host=h User=u Domain=d1; a 1 Host=h User=u Domain=d1; a 2 Host=h User=v Domain=d1", "")]
    // lt: tested when the window closes.
    [InlineData(FewerThanThreeUsers, "a 0 Host=h User=u1; a 5 Host=h User=u1; a 10 Host=h User=u2", "few@10 Host=h value=2 joined=a*3")]
    [InlineData(FewerThanThreeUsers, "a 0 Host=h User=u1; a 5 Host=h User=u2; a 10 Host=h User=u3", "")]
    public void Value_count_fires_on_the_number_of_distinct_values_in_the_window(string correlation, string script, string expected)
    {
        var harness = new CorrelationHarness(correlation);

        Assert.Equal(expected, harness.Run(script));
    }

    [Fact]
    public void Value_count_skips_and_counts_detections_without_the_field()
    {
        var harness = new CorrelationHarness(ThreeUsers);

        var output = harness.Run("a 0 Host=h; a 1 Host=h User=u1; a 2 Host=h User=u2");

        Assert.Equal("", output);
        Assert.Equal(1, harness.Engine.SkippedValues);
    }
}

namespace Vigil.Detection.Tests.Correlation;

public sealed class ValueMetricCorrelationTests
{
    private const string SumOver1000 = """
        title: Possible exfiltration
        id: exfil
        correlation:
            type: value_sum
            rules: [a]
            group-by: [User]
            timespan: 1h
            condition:
                field: bytes_sent
                gt: 1000
        """;

    private const string SumUnder1000 = """
        title: Little traffic
        id: little
        correlation:
            type: value_sum
            rules: [a]
            group-by: [User]
            timespan: 1h
            condition:
                field: bytes_sent
                lte: 1000
        """;

    private const string AverageOver500 = """
        title: Slow responses
        id: slow
        correlation:
            type: value_avg
            rules: [a]
            group-by: [Host]
            timespan: 1m
            condition:
                field: ms
                gt: 500
        """;

    private const string RarestTenPercent = """
        title: Rare process on a host
        id: rare
        correlation:
            type: value_percentile
            rules: [a]
            group-by: [Host]
            timespan: 24h
            condition:
                field: Image
                lte: 10
        """;

    [Theory]
    // value_sum with gt fires as soon as the sliding sum exceeds the threshold.
    [InlineData(SumOver1000, "a 0 User=x bytes_sent=600; a 10 User=x bytes_sent=500", "exfil@10 User=x value=1100 joined=a*2")]
    [InlineData(SumOver1000, "a 0 User=x bytes_sent=600; a 10 User=y bytes_sent=500", "")]
    [InlineData(SumOver1000, "a 0 User=x bytes_sent=600; a 3600 User=x bytes_sent=500", "exfil@3600 User=x value=1100 joined=a*2")]
    [InlineData(SumOver1000, "a 0 User=x bytes_sent=600; a 3601 User=x bytes_sent=500", "")]
    [InlineData(SumOver1000, "a 0 User=x bytes_sent=1e3; a 1 User=x bytes_sent=0.5", "exfil@1 User=x value=1000.5 joined=a*2")]
    // value_sum with lte is tested when the window closes.
    [InlineData(SumUnder1000, "a 0 User=x bytes_sent=600; a 10 User=x bytes_sent=300", "little@10 User=x value=900 joined=a*2")]
    [InlineData(SumUnder1000, "a 0 User=x bytes_sent=600; a 10 User=x bytes_sent=500", "")]
    // value_avg is tested on the whole window: a first large value alone does not fire.
    [InlineData(AverageOver500, "a 0 Host=h ms=400; a 10 Host=h ms=700", "slow@10 Host=h value=550 joined=a*2")]
    [InlineData(AverageOver500, "a 0 Host=h ms=900; a 10 Host=h ms=50", "")]
    [InlineData(AverageOver500, "a 0 Host=h ms=900; a 61 Host=h ms=50", "slow@0 Host=h value=900 joined=a")]
    public void Value_sum_and_value_avg_test_the_numeric_field_over_the_window(string correlation, string script, string expected)
    {
        var harness = new CorrelationHarness(correlation);

        Assert.Equal(expected, harness.Run(script));
    }

    [Fact]
    public void Value_sum_skips_and_counts_values_that_are_not_numbers()
    {
        var harness = new CorrelationHarness(SumOver1000);

        var output = harness.Run("a 0 User=x bytes_sent=600; a 5 User=x bytes_sent=lots; a 6 User=x bytes_sent=NaN; a 7 User=x; a 10 User=x bytes_sent=300");

        Assert.Equal("", output);
        Assert.Equal(3, harness.Engine.SkippedValues);
    }

    [Fact]
    public void Value_percentile_reports_a_value_whose_frequency_percentile_meets_the_condition()
    {
        var harness = new CorrelationHarness(RarestTenPercent);
        var common = string.Join(';', Enumerable.Range(0, 9).Select(i => $"a {i} Host=h Image=svchost.exe"));

        var output = harness.Run(common + "; a 100 Host=h Image=evil.exe; a 101 Host=g Image=evil.exe");

        // evil.exe is 1 of 10 detections on h: percentile 10. On g it is the only value: percentile 100.
        Assert.Equal("rare@100 Host=h Image=evil.exe value=10 joined=a", output);
    }

    [Fact]
    public void Value_percentile_gives_equally_frequent_values_the_same_percentile()
    {
        var harness = new CorrelationHarness(RarestTenPercent);
        var common = string.Join(';', Enumerable.Range(0, 8).Select(i => $"a {i} Host=h Image=svchost.exe"));

        // Two values seen once each among ten detections: each is at percentile 20, above 10.
        Assert.Equal("", harness.Run(common + "; a 100 Host=h Image=evil.exe; a 101 Host=h Image=bad.exe"));
    }
}

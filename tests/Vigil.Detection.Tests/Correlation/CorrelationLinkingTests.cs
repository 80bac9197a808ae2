namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationLinkingTests
{
    [Theory]
    [InlineData("rules: [a, nope]", "Correlation rule 'Linked': correlation.rules refers to 'nope', which is not the id or name of any loaded rule or correlation.")]
    [InlineData("rules: [a, rule_a]", "Correlation rule 'Linked': correlation.rules refers to the same rule twice, as 'a' and 'rule_a'.")]
    [InlineData("rules: [linked]", "Correlation rule 'Linked': its rules refer back to it through a chain of correlations (or it uses a correlation that does).")]
    [InlineData("aliases: {ip: {ghost: source.ip}}", "Correlation rule 'Linked': correlation.aliases.ip refers to 'ghost', which is not the id or name of any loaded rule or correlation.")]
    public void Engine_reports_and_drops_a_correlation_whose_references_do_not_resolve(string change, string expected)
    {
        var harness = new CorrelationHarness(Linked(change));

        var problem = Assert.Single(harness.Problems.Problems);
        Assert.Equal("bad-correlation", problem.Kind);
        Assert.Equal("test.yml", problem.Item);
        Assert.Equal(expected, problem.Reason);
        Assert.Equal(0, harness.Engine.Count);
        Assert.False(harness.Engine.IsReferenced(harness["a"]));
        Assert.True(harness.Engine.ShouldEmit(harness["a"]));
    }

    [Fact]
    public void Engine_drops_correlations_that_refer_to_each_other()
    {
        var harness = new CorrelationHarness(
            Linked("rules: [other]", "One", "one", "one_rule"),
            Linked("rules: [one_rule]", "Other", "other"));

        Assert.Equal(2, harness.Problems.Problems.Count);
        Assert.All(harness.Problems.Problems, p => Assert.Contains("refer back to it through a chain of correlations", p.Reason, StringComparison.Ordinal));
        Assert.Equal(0, harness.Engine.Count);
    }

    [Fact]
    public void Engine_drops_a_correlation_that_uses_one_it_could_not_load()
    {
        var harness = new CorrelationHarness(
            Linked("rules: [inner]", "Outer", "outer"),
            Linked("rules: [missing]", "Inner", "inner"));

        Assert.Equal(
            [
                "Correlation rule 'Inner': correlation.rules refers to 'missing', which is not the id or name of any loaded rule or correlation.",
                "Correlation rule 'Outer': it uses correlation rule 'Inner', which could not be loaded.",
            ],
            harness.Problems.Problems.Select(static p => p.Reason).ToArray());
        Assert.Equal(0, harness.Engine.Count);
    }

    [Fact]
    public void Engine_keeps_the_first_of_two_correlations_with_one_id()
    {
        var harness = new CorrelationHarness(Linked("rules: [a]"), Linked("rules: [b]"));

        Assert.Equal("Correlation rule 'Linked': its id 'linked' is already used by correlation rule 'Linked'; this one is ignored.", Assert.Single(harness.Problems.Problems).Reason);
        Assert.Equal(1, harness.Engine.Count);
        Assert.True(harness.Engine.IsReferenced(harness["a"]));
        Assert.False(harness.Engine.IsReferenced(harness["b"]));
    }

    private static string Linked(string change, string title = "Linked", string id = "linked", string? name = null)
    {
        var lines = new List<string>
        {
            "title: " + title,
            "id: " + id,
            "name: " + (name ?? "~"),
            "correlation:",
            "    type: temporal",
            "    rules: [a, b]",
            "    group-by: [User]",
            "    timespan: 1h",
        };
        var key = change[..(change.IndexOf(':', StringComparison.Ordinal) + 1)];
        var at = lines.FindIndex(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = "    " + change;
        }
        else
        {
            lines.Add("    " + change);
        }

        return string.Join('\n', lines);
    }
}

using Vigil.Detection.Correlation;
using Vigil.Diagnostics;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationRuleParserTests
{
    [Fact]
    public void Parser_reads_every_key_of_the_correlation_section()
    {
        var problems = new ProblemLog();

        var rule = CorrelationHarness.Parse("""
            title: Everything
            id: 0e95725d-7320-415d-80f7-004da920fc11
            correlation:
                type: value_count
                rules:
                    - 5638f7c0-ac70-491d-8465-2a65075e0d86
                    - firewall_block
                group-by:
                    - internal_ip
                    - TargetDomainName
                timespan: 90m
                aliases:
                    internal_ip:
                        firewall_block: source.ip
                condition:
                    field: User
                    gt: 100
                    lte: 200.5
                generate: true
            """, problems);

        Assert.Empty(problems.Problems);
        Assert.NotNull(rule);
        Assert.Equal(CorrelationType.ValueCount, rule.Type);
        Assert.Equal(new[] { "5638f7c0-ac70-491d-8465-2a65075e0d86", "firewall_block" }, rule.RuleRefs);
        Assert.Equal(new[] { "internal_ip", "TargetDomainName" }, rule.GroupBy);
        Assert.Equal(TimeSpan.FromMinutes(90), rule.Timespan);
        Assert.Equal("source.ip", rule.Aliases["internal_ip"]["firewall_block"]);
        Assert.Equal(new[] { "User" }, rule.Condition.Fields);
        Assert.Equal(new[] { new ConditionBound(ConditionOperator.Gt, 100), new ConditionBound(ConditionOperator.Lte, 200.5) }, rule.Condition.Bounds);
        Assert.True(rule.Generate);
    }

    [Theory]
    [InlineData("timespan: 45s", 45)]
    [InlineData("timespan: 5m", 300)]
    [InlineData("timespan: 2h", 7200)]
    [InlineData("timespan: 1d", 86400)]
    public void Parser_accepts_the_timespan_units_of_the_specification(string timespan, int seconds)
    {
        var rule = CorrelationHarness.Parse(Temporal(timespan), new ProblemLog());

        Assert.Equal(TimeSpan.FromSeconds(seconds), rule?.Timespan);
    }

    [Fact]
    public void Temporal_correlations_without_a_condition_need_every_rule()
    {
        var rule = CorrelationHarness.Parse(Temporal("timespan: 5m"), new ProblemLog());

        Assert.Equal(new[] { new ConditionBound(ConditionOperator.Gte, 3) }, rule?.Condition.Bounds ?? []);
        Assert.False(rule?.Generate);
        Assert.Empty(rule?.Aliases ?? throw new InvalidOperationException());
    }

    [Theory]
    [InlineData("type: event_sum", "correlation.type 'event_sum' is not a correlation type; expected event_count, value_count, temporal, temporal_ordered, value_sum, value_avg or value_percentile.")]
    [InlineData("type: ~", "correlation.type is missing")]
    [InlineData("rules: []", "correlation.rules is missing or empty; list the ids or names of the rules to correlate.")]
    [InlineData("rules: ~", "correlation.rules is missing or empty")]
    [InlineData("rules: [a, a]", "correlation.rules lists 'a' twice.")]
    [InlineData("rules: {a: 1}", "correlation.rules must be a string or a list of strings.")]
    [InlineData("timespan: 5x", "correlation.timespan '5x' is not a whole number followed by s, m, h or d (for example 90m).")]
    [InlineData("timespan: 1w", "correlation.timespan '1w' is not a whole number followed by s, m, h or d")]
    [InlineData("timespan: 1H", "correlation.timespan '1H' is not a whole number followed by s, m, h or d")]
    [InlineData("timespan: -5m", "correlation.timespan '-5m' is not a whole number followed by s, m, h or d")]
    [InlineData("timespan: 0m", "correlation.timespan '0m' must be greater than zero and at most 3650 days.")]
    [InlineData("timespan: 9999d", "correlation.timespan '9999d' must be greater than zero and at most 3650 days.")]
    [InlineData("timespan: ~", "correlation.timespan is missing")]
    [InlineData("condition: {above: 3}", "correlation.condition has unknown operator 'above'; expected gt, gte, lt, lte, eq, neq or field.")]
    [InlineData("condition: {gte: many}", "correlation.condition.gte must be a number, not 'many'.")]
    [InlineData("condition: {gte: .inf}", "correlation.condition.gte must be a number, not '.inf'.")]
    [InlineData("condition: 'failed and success'", "correlation.condition must be a mapping of gt, gte, lt, lte, eq, neq or field, not a string or a list.")]
    [InlineData("condition: ~", "correlation.condition is missing; event_count needs one, for example 'gte: 10'.")]
    [InlineData("condition: {field: User}", "correlation.condition has no comparison; give at least one of gt, gte, lt, lte, eq or neq.")]
    [InlineData("condition: {field: User, gte: 3}", "correlation.condition.field only applies to value_count, value_sum, value_avg and value_percentile, not event_count.")]
    [InlineData("group_by: [User]", "correlation.group_by is not a correlation key; expected type, rules, aliases, group-by, timespan, condition, generate.")]
    [InlineData("group-by: [User, User]", "correlation.group-by lists 'User' twice.")]
    [InlineData("generate: maybe", "correlation.generate must be true or false, not 'maybe'.")]
    [InlineData("aliases: [ip]", "correlation.aliases must be a mapping of alias names to {rule name: field name} mappings.")]
    [InlineData("aliases: {ip: source.ip}", "correlation.aliases.ip must map rule names to field names.")]
    public void Parser_reports_a_bad_event_count_correlation_naming_the_key_at_fault(string change, string expected)
    {
        var yaml = EventCount(change);
        var problems = new ProblemLog();

        var rule = CorrelationHarness.Parse(yaml, problems, "rules/bad.yml");

        Assert.Null(rule);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("rules/bad.yml", problem.Item);
        Assert.Equal("bad-correlation", problem.Kind);
        Assert.StartsWith("Correlation rule 'Bad': ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("value_count", "gte: 3", "correlation.condition.field is required for value_count: name the field whose values are counted.")]
    [InlineData("value_sum", "gte: 3", "correlation.condition.field is required for value_sum: name the field whose values are aggregated.")]
    [InlineData("value_avg", "field: [a, b]\n        gte: 3", "correlation.condition.field must name a single field for value_avg.")]
    [InlineData("value_percentile", "field: ''\n        lte: 1", "correlation.condition.field must list plain, non-empty strings.")]
    public void Parser_reports_value_correlations_without_a_usable_field(string type, string condition, string expected)
    {
        var yaml = $"""
            title: Bad
            correlation:
                type: {type}
                rules: [a]
                timespan: 1h
                condition:
                    {condition}
            """;
        var problems = new ProblemLog();

        Assert.Null(CorrelationHarness.Parse(yaml, problems));
        Assert.Equal(expected, Assert.Single(problems.Problems).Reason["Correlation rule 'Bad': ".Length..]);
    }

    [Fact]
    public void Parser_reports_a_correlation_key_that_is_not_a_mapping()
    {
        var problems = new ProblemLog();

        Assert.Null(CorrelationHarness.Parse("title: Bad\ncorrelation: event_count", problems));
        Assert.Contains("the 'correlation' key must hold a mapping", Assert.Single(problems.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_reads_generate_inside_the_correlation_before_the_top_level_one()
    {
        var rule = CorrelationHarness.Parse(EventCount("generate: false").Replace("title: Bad", "title: Bad\ngenerate: true", StringComparison.Ordinal), new ProblemLog());

        Assert.False(rule?.Generate);
    }

    [Fact]
    public void Parser_accepts_every_correlation_example_of_the_specification()
    {
        var folder = SpecificationExamples();
        var files = Directory.GetFiles(folder, "*.yml");
        Assert.True(files.Length >= 8, $"expected the specification's correlation examples in {folder}, found {files.Length}");

        foreach (var file in files)
        {
            var problems = new ProblemLog();
            var rule = CorrelationHarness.Parse(File.ReadAllText(file), problems, file);

            Assert.True(rule is not null && problems.Problems.Count == 0, $"{Path.GetFileName(file)}: {string.Join("; ", problems.Problems)}");
        }
    }

    private static string SpecificationExamples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.True(dir is not null, $"no folder holding Vigil.slnx above {AppContext.BaseDirectory}");
        var examples = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "docs", "sigma-spec", "tests", "schema", "correlation"));
        Assert.True(Directory.Exists(examples), $"the Sigma specification's correlation examples are missing: expected them in {examples}");
        return examples;
    }

    /// <summary>A valid event_count correlation with one line replaced (or added) by <paramref name="change"/>.</summary>
    private static string EventCount(string change)
    {
        var lines = new List<string>
        {
            "title: Bad",
            "correlation:",
            "    type: event_count",
            "    rules: [a]",
            "    group-by: [User]",
            "    timespan: 1h",
            "    condition: {gte: 3}",
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

    private static string Temporal(string timespan) => $"""
        title: Recon
        correlation:
            type: temporal
            rules: [recon_cmd_a, recon_cmd_b, recon_cmd_c]
            group-by: [ComputerName]
            {timespan}
        """;
}

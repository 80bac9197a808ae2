using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.Rules;

public sealed class FilterRuleTests
{
    private const string Rule = """
        title: Archive created
        id: 6f3e2987-db24-4c78-a860-b4f4095a7095
        name: archive_created
        logsource: {category: process_creation, product: windows}
        detection:
            sel:
                Image|endswith: '\rar.exe'
            condition: sel
        level: medium
        """;

    private static string Filter(string rules) => $$"""
        title: Admins may archive
        logsource: {category: process_creation, product: windows}
        filter:
            rules:
        {{rules}}
            selection:
                User|startswith: 'adm_'
            condition: selection
        """;

    [Theory]
    [InlineData("        - 6f3e2987-db24-4c78-a860-b4f4095a7095")]
    [InlineData("        - archive_created")]
    public void A_filter_drops_the_matches_of_the_rules_it_names_where_its_condition_holds(string rules)
    {
        var yaml = Rule + "\n---\n" + Filter(rules);
        Assert.Empty(Sigma.Run(yaml, Sigma.Event(("Image", "C:\\x\\rar.exe"), ("User", "adm_bob"))).Detections);
        Assert.Single(Sigma.Run(yaml, Sigma.Event(("Image", "C:\\x\\rar.exe"), ("User", "bob"))).Detections);
    }

    [Fact]
    public void A_filter_for_another_rule_changes_nothing()
    {
        var yaml = Rule + "\n---\n" + Filter("        - some_other_rule");
        Assert.Single(Sigma.Run(yaml, Sigma.Event(("Image", "C:\\x\\rar.exe"), ("User", "adm_bob"))).Detections);
    }

    [Theory]
    [InlineData("title: f\nlogsource: {product: x}\nfilter:\n  selection:\n    A: 1\n  condition: selection\n", "names no 'rules'")]
    [InlineData("title: f\nlogsource: {product: x}\nfilter:\n  rules: [r]\n  selection:\n    A: 1\n", "no 'condition'")]
    [InlineData("title: f\nlogsource: {product: x}\nfilter: [1]\n", "must be a mapping")]
    public void A_bad_filter_is_reported_with_the_reason(string yaml, string reason)
    {
        var problem = Assert.Single(Sigma.Problems(yaml).Problems);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_specification_filter_examples_load()
    {
        var folder = Path.Combine(Repository.Root, "..", "shared", "docs", "sigma-spec", "tests", "schema", "filter");
        Assert.True(Directory.Exists(folder), $"{folder} is absent: the Sigma specification examples are read in place");
        var problems = new Vigil.Diagnostics.ProblemLog();
        var rules = Vigil.Detection.Rules.RuleSet.Load([folder], problems);
        Assert.Empty(problems.Problems);
        Assert.Equal(2, rules.FilterCount);
    }
}

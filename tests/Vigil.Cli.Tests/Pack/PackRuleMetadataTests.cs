using System.Text.Json;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;

namespace Vigil.Cli.Tests.Pack;

/// <summary>The bundled rules load cleanly and each says what an analyst needs.</summary>
public sealed class PackRuleMetadataTests
{
    public static TheoryData<string> RuleFiles => [.. PackRuleFiles.All().Select(static r => r.File)];

    [Fact]
    public void All_bundled_rules_load_and_compile_with_no_problems()
    {
        var problems = new ProblemLog();
        var rules = RuleSet.Load([PackHunt.RulesFolder], problems);
        _ = new DetectionEngine(rules, new EngineOptions { Logsources = Detection.Routing.LogsourceMap.Load(PackHunt.LogsourcesFile, problems) }, problems);

        Assert.Empty(problems.Problems);
        Assert.Equal(PackRuleFiles.All().Count, rules.Count);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Each_rule_has_a_fresh_id_an_author_a_level_tags_a_description_and_false_positives(string file)
    {
        var rule = PackRuleFiles.All().Single(r => r.File == file);

        Assert.True(Guid.TryParse(rule.Text("id"), out _), "id is a UUID");
        Assert.Equal("Vigil", rule.Text("author"));
        Assert.Contains(rule.Text("status"), new[] { "test", "stable" });
        Assert.Contains(rule.Text("level"), new[] { "informational", "low", "medium", "high", "critical" });
        Assert.Contains(rule.List("tags"), static t => t.StartsWith("attack.t", StringComparison.Ordinal));
        Assert.True(rule.Text("description").Length > 80, "the description says what to check");
        Assert.NotEmpty(rule.List("falsepositives"));
        Assert.True(rule.Has("correlation") || (rule.Has("detection") && rule.Has("logsource")), "a detection with a logsource, or a correlation");
    }

    [Fact]
    public void Rule_ids_and_titles_are_unique()
    {
        var rules = PackRuleFiles.All();

        Assert.Equal(rules.Count, rules.Select(static r => r.Text("id")).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(rules.Count, rules.Select(static r => r.Title).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Vigil_hunt_with_its_bundled_rules_finds_on_the_fixtures_what_the_engine_finds()
    {
        var (exit, stdout, stderr) = VigilProcess.Run("hunt", "--format", "jsonl", "--no-progress", "--no-analytics", PackHunt.Fixtures);
        Assert.Equal(0, exit);
        Assert.Contains("Rules skipped  0", stderr, StringComparison.Ordinal);

        var cli = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement)
            .Select(static d => $"{Path.GetFileName(d.GetProperty("source").GetString())} {d.GetProperty("record").GetInt64()} {d.GetProperty("rule_title").GetString()}")
            .Order(StringComparer.Ordinal);
        var expected = PackExpectations.Fixtures.SelectMany(static f => f.Value.Select(e => $"{f.Key} {e.Replace(": ", " ", StringComparison.Ordinal)}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, cli);
    }
}

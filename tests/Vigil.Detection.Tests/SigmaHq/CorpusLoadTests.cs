using Vigil.Detection.Tests.Support;

namespace Vigil.Detection.Tests.SigmaHq;

/// <summary>Every active SigmaHQ rule loads, or is skipped for a reason docs/hunt.md lists.</summary>
public sealed class CorpusLoadTests(SigmaHqRules sigma) : IClassFixture<SigmaHqRules>
{
    /// <summary>The only documented reasons an active SigmaHQ rule is skipped (docs/hunt.md, "Rules that do not load").</summary>
    private static readonly HashSet<string> DocumentedSkips = ["missing-placeholder"];

    [Fact]
    public void Every_active_rule_loads_or_is_skipped_for_a_documented_reason()
    {
        var undocumented = sigma.Problems.Problems.Where(static p => !DocumentedSkips.Contains(p.Kind)).ToList();
        Assert.True(undocumented.Count == 0, string.Join('\n', undocumented.Take(30)));
        var files = Directory.EnumerateFiles(Repository.SharedData("sigma/rules"), "*.yml", SearchOption.AllDirectories).Count();
        Assert.True(sigma.Rules.FilesRead > files, "the active folders were not all read");
        Assert.Equal(sigma.Rules.FilesRead, sigma.Engine.RulesLoaded + sigma.Problems.Problems.Count);
    }

    [Fact]
    public void Only_rules_with_placeholders_are_skipped_without_placeholder_values()
    {
        Assert.All(sigma.Problems.Problems, p => Assert.Contains("|expand", File.ReadAllText(p.Item), StringComparison.Ordinal));
        Assert.Contains(sigma.Problems.Problems, static p => p.Item.Contains("rules-placeholder", StringComparison.Ordinal));
    }
}

using Vigil.Detection.Rules;
using Vigil.Diagnostics;

namespace Vigil.Cli.Tests.Pack;

/// <summary>The bundled rules on generated fixtures and on the staged real samples, file by file.</summary>
public sealed class PackDetectionTests
{
    public static TheoryData<string> FixtureFiles => [.. PackExpectations.Fixtures.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> SampleFiles => [.. PackExpectations.Samples.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Each_fixture_raises_exactly_the_expected_detections(string file)
    {
        var hits = PackHunt.Run(Path.Combine(PackHunt.Fixtures, file));

        var found = hits.Select(static h => $"{h.Record}: {h.Title}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PackExpectations.Fixtures[file].Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Each_real_sample_raises_exactly_the_expected_detections(string file)
    {
        var hits = PackHunt.Run(Path.Combine(PackHunt.SharedLogs, file));

        var found = hits.Select(static h => h.Title).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(PackExpectations.Samples[file].Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void Every_fixture_file_is_in_the_table()
    {
        var files = Directory.GetFiles(PackHunt.Fixtures).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(PackExpectations.Fixtures.Keys.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Every_rule_is_proven_on_a_fixture_a_real_sample_or_the_repository_samples()
    {
        var proven = PackExpectations.Fixtures.Values.SelectMany(static v => v).Select(static e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..])
            .Concat(PackExpectations.Samples.Values.SelectMany(static v => v))
            .Concat(BuildingBlocks.Keys)
            .Concat(PackHunt.Run(Path.Combine(VigilProcess.Repository, "samples")).Select(static h => h.Title)) // see Hunt/HuntCommandTests
            .ToHashSet(StringComparer.Ordinal);

        var unproven = PackRuleFiles.All().Select(static r => r.Title).Where(t => !proven.Contains(t)).ToList();

        Assert.Empty(unproven);
    }

    /// <summary>
    /// Correlation building blocks (no alert of their own) and the failures they match: in the fail2ban samples, and
    /// in the repository's samples/ for Windows logons.
    /// </summary>
    private static readonly Dictionary<string, (string Rule, string Sample, int Count)> BuildingBlocks = new(StringComparer.Ordinal)
    {
        ["Postfix SASL Authentication Failed"] = ("linux/postfix_sasl_auth_failed.yml", "fail2ban/postfix.log", 14),
        ["Dovecot Authentication Failed"] = ("linux/dovecot_auth_failed.yml", "fail2ban/dovecot.log", 25),
        ["Failed Windows Logon"] = ("windows/win_security_failed_logon.yml", "samples/windows-events.ndjson", 6),
    };

    public static TheoryData<string> BuildingBlockTitles => [.. BuildingBlocks.Keys];

    [Theory]
    [MemberData(nameof(BuildingBlockTitles))]
    public void Building_blocks_match_every_failure_in_the_real_logs(string title)
    {
        var (rule, sample, count) = BuildingBlocks[title];
        var problems = new ProblemLog();
        var rules = RuleSet.Load([Path.Combine(PackHunt.RulesFolder, rule)], problems);
        Assert.Equal(0, problems.Total);

        var path = sample.StartsWith("samples/", StringComparison.Ordinal)
            ? Path.Combine(VigilProcess.Repository, sample)
            : Path.Combine(PackHunt.SharedLogs, sample);
        var hits = PackHunt.Run(path, rules);

        Assert.Equal(count, hits.Count);
        Assert.All(hits, h => Assert.Equal(title, h.Title));
    }

    [Fact]
    public void Benign_fixtures_and_benign_real_logs_raise_nothing_at_medium_or_above()
    {
        var benign = PackExpectations.Fixtures.Where(static f => f.Key.Contains("-benign", StringComparison.Ordinal)).Select(f => Path.Combine(PackHunt.Fixtures, f.Key))
            .Concat(new[] { "elastic-integrations", "fail2ban" }.Select(static d => Path.Combine(PackHunt.SharedLogs, d)));

        var alerts = benign.SelectMany(PackHunt.Run).Where(static h => h.Level >= Level.Medium).ToList();

        Assert.Empty(alerts);
    }
}

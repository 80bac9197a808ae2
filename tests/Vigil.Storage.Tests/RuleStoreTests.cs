using Vigil.Storage.Alerts;
using Vigil.Storage.Rules;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Rule states, uploaded rules and per-rule alert counts, run on both databases.</summary>
public abstract class RuleStoreTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;

    [Fact]
    public async Task A_state_is_set_replaced_and_survives_reopening()
    {
        await Store.Rules.SetStateAsync(new RuleState("r1", false, "ana", T0, "noisy on the file server"), None);
        await Store.Rules.SetStateAsync(new RuleState("r2", false, "ana", T0, null), None);
        await Store.Rules.SetStateAsync(new RuleState("r2", true, "bob", T0.AddMinutes(5), null), None);
        await ReopenAsync();

        var states = await Store.Rules.StatesAsync(None);

        Assert.Equal(
            [new RuleState("r1", false, "ana", T0, "noisy on the file server"), new RuleState("r2", true, "bob", T0.AddMinutes(5), null)],
            states);
    }

    [Fact]
    public async Task An_uploaded_rule_is_stored_once_with_its_state_and_deleted_with_it()
    {
        var rule = new CustomRule("u1", "Uploaded", "title: Uploaded\n", "ana", T0);

        Assert.True(await Store.Rules.AddCustomAsync(rule, new RuleState("", true, "ana", T0, null), None));
        Assert.False(await Store.Rules.AddCustomAsync(rule with { Title = "again" }, new RuleState("", false, "bob", T0, null), None));

        Assert.Equal([rule], await Store.Rules.CustomRulesAsync(None));
        Assert.Equal([new RuleState("u1", true, "ana", T0, null)], await Store.Rules.StatesAsync(None));
        Assert.True(await Store.Rules.DeleteCustomAsync("u1", None));
        Assert.False(await Store.Rules.DeleteCustomAsync("u1", None));
        Assert.Empty(await Store.Rules.CustomRulesAsync(None));
        Assert.Empty(await Store.Rules.StatesAsync(None));
    }

    [Fact]
    public async Task Alert_stats_count_each_rules_alerts_and_their_latest_detection()
    {
        await Store.Alerts.RecordAsync(
            [Candidate("a", "alice", T0), Candidate("a", "bob", T0.AddHours(2)), Candidate("b", "carol", T0.AddHours(1))],
            TimeSpan.FromHours(1), [], "live", 0, T0.AddHours(3), None);

        var stats = await Store.Rules.AlertStatsAsync(["a", "b", "c"], None);

        Assert.Equal(new RuleAlertStats(2, T0.AddHours(2)), stats["a"]);
        Assert.Equal(new RuleAlertStats(1, T0.AddHours(1)), stats["b"]);
        Assert.False(stats.ContainsKey("c"));
        Assert.Empty(await Store.Rules.AlertStatsAsync([], None));
    }

    private static AlertCandidate Candidate(string rule, string key, DateTimeOffset time) => new(rule, $"Rule {rule}", "high", key, time, [1], "{}");
}

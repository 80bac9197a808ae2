using Vigil.Storage.Alerts;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Alert grouping, listing and detector cursors, run on both databases by the derived classes.</summary>
public abstract class AlertStoreTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;
    private static readonly DateTimeOffset Now = T0.AddHours(1);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Detections_of_one_rule_and_key_within_the_window_group_into_one_alert()
    {
        var first = await RecordAsync([Candidate("r1", "alice", T0, 1)], ["mail", "hook"]);
        var second = await RecordAsync([Candidate("r1", "alice", T0.AddMinutes(8), 2), Candidate("r1", "alice", T0.AddMinutes(3), 3)], ["mail", "hook"]);

        var created = Assert.Single(first.Created);
        Assert.Equal((1, "open", "high"), (created.Count, created.Status, created.Level));
        Assert.Empty(second.Created);
        Assert.Equal(2, second.Grouped);
        var alert = (await Store.Alerts.GetAsync(created.Id, None))!;
        Assert.Equal((3, T0, T0.AddMinutes(8)), (alert.Count, alert.FirstSeen, alert.LastSeen));
        Assert.Equal([1L, 2L, 3L], alert.EventIds);
        Assert.Equal("{\"first\":1}", alert.Details);
        Assert.Equal(Now, alert.CreatedAt);
        Assert.Equal(2, (await Store.Notifications.DueAsync(Now, 10, None)).Count);
    }

    [Fact]
    public async Task A_detection_outside_the_window_raises_a_new_alert()
    {
        await RecordAsync([Candidate("r1", "alice", T0, 1)], ["mail"]);

        var later = await RecordAsync([Candidate("r1", "alice", T0.AddMinutes(11), 2)], ["mail"]);

        Assert.Single(later.Created);
        Assert.Equal(0, later.Grouped);
        Assert.Equal(2, (await Store.Notifications.DueAsync(Now, 10, None)).Count);
    }

    [Fact]
    public async Task Other_group_keys_and_rules_raise_their_own_alerts_even_in_one_batch()
    {
        var result = await RecordAsync(
        [
            Candidate("r1", "alice", T0, 1),
            Candidate("r1", "bob", T0, 2),
            Candidate("r2", "alice", T0, 3),
            Candidate("r1", "", T0, 4),
            Candidate("r1", "alice", T0.AddMinutes(1), 5),
        ], []);

        Assert.Equal(4, result.Created.Count);
        Assert.Equal(1, result.Grouped);
        Assert.Equal(4, result.Created.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_alert_keeps_at_most_a_thousand_event_ids_but_counts_every_detection()
    {
        var created = (await RecordAsync([Candidate("r1", "k", T0, [.. Enumerable.Range(1, 999).Select(i => (long)i)])], [])).Created[0];
        await RecordAsync([Candidate("r1", "k", T0, 1000, 1001), Candidate("r1", "k", T0, 1002)], []);

        var alert = (await Store.Alerts.GetAsync(created.Id, None))!;

        Assert.Equal(3, alert.Count);
        Assert.Equal(1000, alert.EventIds.Count);
        Assert.Equal(1000L, alert.EventIds[^1]);
    }

    [Fact]
    public async Task The_cursor_moves_with_the_batch_and_a_failed_batch_changes_nothing()
    {
        Assert.Equal(0, await Store.Alerts.GetCursorAsync("live", None));
        await Store.Alerts.RecordAsync([Candidate("r1", "k", T0, 1)], Window, ["mail"], "live", 10, Now, None);

        var broken = Candidate("r2", "k", T0, 2) with { Details = null! };
        await Assert.ThrowsAnyAsync<Exception>(() =>
            Store.Alerts.RecordAsync([Candidate("r3", "k", T0, 2), broken], Window, ["mail"], "live", 20, Now, None));

        Assert.Equal(10, await Store.Alerts.GetCursorAsync("live", None));
        Assert.Equal(0, await Store.Alerts.GetCursorAsync("other", None));
        Assert.Single(await ListAsync(new AlertQuery()));
        Assert.Single(await Store.Notifications.DueAsync(Now, 10, None));
    }

    [Fact]
    public async Task Listing_filters_by_level_rule_time_and_status_newest_first()
    {
        await RecordAsync([Candidate("low-rule", "k", T0, 1) with { Level = "low" }], []);
        await RecordAsync([Candidate("crit-rule", "k", T0, 2) with { Level = "critical" }], [], Now.AddMinutes(5));
        await RecordAsync([Candidate("med-rule", "k", T0, 3) with { Level = "medium" }], [], Now.AddMinutes(10));

        async Task<string[]> Rules(AlertQuery q) => [.. (await ListAsync(q)).Select(a => a.RuleId)];

        Assert.Equal(["med-rule", "crit-rule", "low-rule"], await Rules(new AlertQuery()));
        Assert.Equal(["med-rule", "crit-rule"], await Rules(new AlertQuery(MinLevel: "medium")));
        Assert.Equal(["crit-rule"], await Rules(new AlertQuery(MinLevel: "HIGH")));
        Assert.Equal(["med-rule"], await Rules(new AlertQuery(MinLevel: "medium", Limit: 1)));
        Assert.Equal(["med-rule", "crit-rule"], await Rules(new AlertQuery(Since: Now.AddMinutes(5))));
        Assert.Equal(["low-rule"], await Rules(new AlertQuery(RuleId: "low-rule", Status: "open")));
        Assert.Empty(await Rules(new AlertQuery(Status: "closed")));
        Assert.Equal(["med-rule"], await Rules(new AlertQuery(Limit: 1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Rules(new AlertQuery(MinLevel: "severe")));
    }

    [Fact]
    public async Task An_unknown_alert_is_null()
        => Assert.Null(await Store.Alerts.GetAsync(12345, None));

    private static AlertCandidate Candidate(string rule, string key, DateTimeOffset time, params long[] eventIds)
        => new(rule, $"Title of {rule}", "high", key, time, eventIds, "{\"first\":" + eventIds[0] + "}");

    private Task<AlertBatchResult> RecordAsync(IReadOnlyList<AlertCandidate> candidates, IReadOnlyList<string> channels, DateTimeOffset? now = null)
        => Store.Alerts.RecordAsync(candidates, Window, channels, "live", 0, now ?? Now, None);

    private async Task<List<Alert>> ListAsync(AlertQuery query)
    {
        var alerts = new List<Alert>();
        await foreach (var alert in Store.Alerts.ListAsync(query, None))
        {
            alerts.Add(alert);
        }

        return alerts;
    }
}

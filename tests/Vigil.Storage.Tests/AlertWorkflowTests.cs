using Vigil.Storage.Alerts;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>The alert workflow (status, assignee, comments, history, paging, counts), run on both databases.</summary>
public abstract class AlertWorkflowTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;
    private static readonly DateTimeOffset Now = T0.AddHours(1);

    [Fact]
    public async Task Acknowledge_assign_comment_and_close_are_recorded_in_order_with_their_actor()
    {
        var id = await RaiseAsync("r1", "high");

        Assert.True(await Store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Acknowledged, "alice", Now, None));
        Assert.True(await Store.AlertWorkflow.AssignAsync(id, "bob", "alice", Now.AddMinutes(1), None));
        Assert.True(await Store.AlertWorkflow.CommentAsync(id, "looks like a spray", "bob", Now.AddMinutes(2), None));
        Assert.True(await Store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.ClosedTruePositive, "bob", Now.AddMinutes(3), None));

        var alert = (await Store.Alerts.GetAsync(id, None))!;
        Assert.Equal((AlertStatuses.ClosedTruePositive, "bob"), (alert.Status, alert.Assignee));
        var history = await Store.AlertWorkflow.ActivityAsync(id, None);
        Assert.Equal(
        [
            ("alice", "status", "open", "acknowledged"),
            ("alice", "assign", null, "bob"),
            ("bob", "comment", null, "looks like a spray"),
            ("bob", "status", "acknowledged", "closed-true-positive"),
        ], history.Select(h => (h.Actor, h.Kind, h.From, h.To)).ToList<(string, string, string?, string?)>());
        Assert.Equal(Now.AddMinutes(3), history[^1].At);
    }

    [Fact]
    public async Task Setting_the_same_status_records_nothing_and_unknown_alerts_answer_false()
    {
        var id = await RaiseAsync("r1", "high");

        Assert.True(await Store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Open, "alice", Now, None));
        Assert.Empty(await Store.AlertWorkflow.ActivityAsync(id, None));
        Assert.False(await Store.AlertWorkflow.SetStatusAsync(id + 99, AlertStatuses.Acknowledged, "alice", Now, None));
        Assert.False(await Store.AlertWorkflow.CommentAsync(id + 99, "x", "alice", Now, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AlertWorkflow.SetStatusAsync(id, "closed", "alice", Now, None));
    }

    [Fact]
    public async Task Detections_keep_grouping_into_an_acknowledged_alert_but_not_into_a_closed_one()
    {
        var id = await RaiseAsync("r1", "high");
        await Store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Acknowledged, "alice", Now, None);
        var grouped = await Store.Alerts.RecordAsync([Candidate("r1", "high", T0.AddMinutes(1))], TimeSpan.FromHours(1), [], "live", 0, Now, None);
        await Store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.ClosedFalsePositive, "alice", Now, None);
        var fresh = await Store.Alerts.RecordAsync([Candidate("r1", "high", T0.AddMinutes(2))], TimeSpan.FromHours(1), [], "live", 0, Now, None);

        Assert.Equal(1, grouped.Grouped);
        Assert.Single(fresh.Created);
    }

    [Fact]
    public async Task Pages_run_newest_first_below_the_cursor_with_filters()
    {
        var ids = new List<long>();
        foreach (var (level, i) in new[] { "low", "high", "critical", "medium", "high" }.Select((l, i) => (l, i)))
        {
            ids.Add(await RaiseAsync($"rule-{i}", level));
        }

        await Store.AlertWorkflow.AssignAsync(ids[1], "bob", "alice", Now, None);
        await Store.AlertWorkflow.SetStatusAsync(ids[2], AlertStatuses.ClosedTruePositive, "alice", Now, None);

        var first = await Store.AlertWorkflow.PageAsync(new AlertPageQuery(Limit: 2), None);
        var second = await Store.AlertWorkflow.PageAsync(new AlertPageQuery(BeforeId: first[^1].Id, Limit: 2), None);
        Assert.Equal([ids[4], ids[3], ids[2], ids[1]], first.Concat(second).Select(a => a.Id));
        Assert.Equal([ids[4], ids[1]], (await Store.AlertWorkflow.PageAsync(new AlertPageQuery(Status: "active", MinLevel: "high"), None)).Select(a => a.Id));
        Assert.Equal([ids[1]], (await Store.AlertWorkflow.PageAsync(new AlertPageQuery(Assignee: "bob"), None)).Select(a => a.Id));
        Assert.Empty(await Store.AlertWorkflow.PageAsync(new AlertPageQuery(MinLevel: "severe"), None));
    }

    [Fact]
    public async Task Counts_give_active_alerts_by_severity_and_raised_alerts_per_day()
    {
        await RaiseAsync("a", "high");
        await RaiseAsync("b", "high");
        var closed = await RaiseAsync("c", "low");
        await Store.AlertWorkflow.SetStatusAsync(closed, AlertStatuses.ClosedFalsePositive, "alice", Now, None);
        await Store.Alerts.RecordAsync([Candidate("d", "critical", T0)], TimeSpan.FromHours(1), [], "live", 0, Now.AddDays(1), None);

        var active = await Store.AlertWorkflow.ActiveBySeverityAsync(None);
        var perDay = await Store.AlertWorkflow.RaisedPerDayAsync(T0, None);

        Assert.Equal([("critical", 1), ("high", 2)], active.Select(c => (c.Level, c.Count)));
        Assert.Equal(
            [(T0, "high", 2), (T0, "low", 1), (T0.AddDays(1), "critical", 1)],
            perDay.Select(c => (c.Bucket, c.Level, c.Count)));
    }

    private async Task<long> RaiseAsync(string rule, string level)
    {
        var result = await Store.Alerts.RecordAsync([Candidate(rule, level, T0)], TimeSpan.FromHours(1), [], "live", 0, Now, None);
        return Assert.Single(result.Created).Id;
    }

    private static AlertCandidate Candidate(string rule, string level, DateTimeOffset time)
        => new(rule, $"Rule {rule}", level, "alice", time, [1], "{}");
}

using Vigil.Storage.Events;
using Vigil.Storage.Insights;
using Vigil.Storage.Quarantine;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>The web app's read-only views: ingestion health, newest-first event pages, events around a time.</summary>
public abstract class InsightStoreTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;

    [Fact]
    public async Task Ingestion_health_counts_events_per_hour_and_the_newest_event_per_kind_of_log()
    {
        await Store.Events.AppendAsync(
        [
            Sample.Event(T0.AddMinutes(10), "postfix"),
            Sample.Event(T0.AddHours(1).AddMinutes(5), "postfix"),
            Sample.Event(T0.AddHours(1).AddMinutes(50), "postfix"),
            Sample.Event(T0.AddMinutes(30), "sshd"),
            Sample.Event(T0.AddDays(-3), "sshd"),
        ], null, None);

        var health = await Store.Insights.IngestionHealthAsync(T0.AddHours(1).AddMinutes(55), 3, None);

        Assert.Equal(
            [("postfix", T0.AddHours(1).AddMinutes(50), new long[] { 0, 1, 2 }), ("sshd", T0.AddMinutes(30), new long[] { 0, 1, 0 })],
            health.Select(h => (h.SourceType, h.LastSeen, h.Hours.ToArray())));
        Assert.Equal((2L, 3L), (health[0].LastHour, health[0].Total));
    }

    [Fact]
    public async Task Quarantined_input_is_counted_per_listener_with_its_latest_reason()
    {
        await Store.Quarantine.AddAsync(
        [
            new QuarantinedItem(0, "tcp", "127.0.0.1", "old", T0.AddDays(-2), [1]),
            new QuarantinedItem(0, "tcp", "127.0.0.1", "not syslog", T0, [1]),
            new QuarantinedItem(0, "tcp", "127.0.0.1", "too long", T0.AddMinutes(1), [1]),
            new QuarantinedItem(0, "http", "127.0.0.1", "bad json", T0, [1]),
        ], None);

        var errors = await Store.Insights.ListenerErrorsAsync(T0.AddDays(-1), None);

        Assert.Equal([("http", 1L, "bad json"), ("tcp", 2L, "too long")], errors.Select(e => (e.Listener, e.Count, e.LastReason)));
    }

    [Fact]
    public async Task Pages_run_newest_event_time_first_and_continue_exactly_after_the_cursor()
    {
        // Out of order on purpose: ids do not follow event time.
        var times = new[] { 5, 1, 9, 3, 7, 7, 2 };
        await Store.Events.AppendAsync([.. times.Select(m => Sample.Event(T0.AddMinutes(m), "syslog", $"m{m}", null, ("m", m.ToString(System.Globalization.CultureInfo.InvariantCulture))))], null, None);

        var seen = new List<string>();
        EventCursor? cursor = null;
        do
        {
            var page = await Store.Insights.BrowseAsync(new EventBrowseQuery(After: cursor, Limit: 3), None);
            seen.AddRange(page.Events.Select(e => e.Raw));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(["m9", "m7", "m7", "m5", "m3", "m2", "m1"], seen);
        var ranged = await Store.Insights.BrowseAsync(new EventBrowseQuery(From: T0.AddMinutes(2), To: T0.AddMinutes(7)), None);
        Assert.Equal(["m5", "m3", "m2"], ranged.Events.Select(e => e.Raw));
    }

    [Fact]
    public async Task Field_filters_stop_at_the_scan_budget_and_hand_back_a_cursor()
    {
        await Store.Events.AppendAsync(Sample.Batch(50, T0), null, None);

        var page = await Store.Insights.BrowseAsync(new EventBrowseQuery(Fields: [new FieldFilter("n", "3", Contains: true)], Limit: 20, ScanBudget: 20), None);
        var rest = await Store.Insights.BrowseAsync(new EventBrowseQuery(Fields: [new FieldFilter("n", "3", Contains: true)], After: page.Next, Limit: 10, ScanBudget: 100), None);

        Assert.Equal(["43", "39", "38", "37", "36", "35", "34", "33", "32", "31", "30"], page.Events.Select(e => e.Fields[0].Value));
        Assert.Equal(20, page.Scanned);
        Assert.NotNull(page.Next);
        Assert.Equal(["23", "13", "3"], rest.Events.Select(e => e.Fields[0].Value));
        Assert.Null(rest.Next);
    }

    [Fact]
    public async Task Events_are_found_by_id_and_around_a_time_for_one_kind_of_log()
    {
        var ids = (await Store.Events.AppendAsync(
        [
            .. Sample.Batch(10, T0, "postfix"),
            Sample.Event(T0.AddSeconds(5), "sshd"),
        ], null, None)).Ids;

        var byId = await Store.Insights.GetEventsAsync([ids[3], ids[1], 999_999], None);
        var around = await Store.Insights.AroundAsync(T0.AddSeconds(5), "postfix", 2, None);

        Assert.Equal([ids[1], ids[3]], byId.Select(e => e.Id));
        Assert.Equal(["line 3", "line 4", "line 5", "line 6"], around.Select(e => e.Raw));
    }
}

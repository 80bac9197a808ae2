using System.Globalization;
using Vigil.Storage.Events;
using Vigil.Storage.Insights;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>
/// The event block summary (migration 13) that replaced the event indexes: exact after appends, retention and
/// migration, and every query that reads through it returns what a scan of the whole table would.
/// </summary>
public abstract class EventBlockTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;

    [Fact]
    public async Task Blocks_stay_exact_for_out_of_order_events_large_batches_and_several_kinds()
    {
        await AppendMixAsync();

        await AssertBlocksExactAsync(5_200);
        Assert.Equal(5_200, await Store.Events.CountAsync(None));
        // Late events made some kind and minute take more than one block (ids more than a span apart).
        Assert.True(await LongAsync($"SELECT COUNT(*) FROM (SELECT source_type, {MinuteOf("min_ts")} AS m FROM event_blocks GROUP BY source_type, {MinuteOf("min_ts")} HAVING COUNT(*) > 1) k") > 0);
    }

    [Fact]
    public async Task Searches_by_time_and_kind_return_what_a_full_scan_filtered_in_memory_returns()
    {
        await AppendMixAsync();
        var all = await Store.Events.SearchAsync(new EventQuery(Limit: int.MaxValue), None).ToListAsync();
        var random = new Random(11);

        for (var i = 0; i < 24; i++)
        {
            var from = i % 3 == 0 ? (DateTimeOffset?)null : T0.AddMinutes(random.Next(-200, 120));
            var to = i % 4 == 0 ? (DateTimeOffset?)null : (from ?? T0).AddMinutes(random.Next(1, 90));
            var source = i % 2 == 0 ? null : Sources[random.Next(Sources.Length)];
            var after = i % 5 == 0 ? all[random.Next(all.Count)].Id : 0;
            var limit = i % 3 == 1 ? random.Next(1, 50) : 20_000;
            var query = new EventQuery(from, to, source, AfterId: after, Limit: limit);

            var found = await Store.Events.SearchAsync(query, None).ToListAsync();

            var expected = all.Where(e => e.Id > after && (from is null || e.Timestamp >= from) && (to is null || e.Timestamp < to) && (source is null || e.SourceType == source))
                .Take(limit).Select(e => e.Id);
            Assert.Equal(expected, found.Select(e => e.Id));
        }
    }

    [Fact]
    public async Task Browsing_newest_first_and_events_around_a_time_match_a_full_sort()
    {
        await AppendMixAsync();
        var all = await Store.Events.SearchAsync(new EventQuery(Limit: int.MaxValue), None).ToListAsync();
        var newest = all.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id).ToList();

        foreach (var (source, from, limit) in new[] { ((string?)null, (DateTimeOffset?)null, 500), ("m365", null, 7), ("sshd", T0.AddMinutes(-30), 90) })
        {
            var seen = new List<long>();
            EventCursor? cursor = null;
            do
            {
                var page = await Store.Insights.BrowseAsync(new EventBrowseQuery(From: from, SourceType: source, After: cursor, Limit: limit), None);
                seen.AddRange(page.Events.Select(e => e.Id));
                cursor = page.Next;
            }
            while (cursor is not null);

            Assert.Equal(newest.Where(e => (source is null || e.SourceType == source) && (from is null || e.Timestamp >= from)).Select(e => e.Id), seen);
        }

        foreach (var at in new[] { T0, T0.AddMinutes(-75).AddSeconds(13), T0.AddDays(-2), T0.AddHours(5) })
        {
            foreach (var source in new[] { null, "syslog", "m365" })
            {
                var around = await Store.Insights.AroundAsync(at, source, 30, None);
                var mine = all.Where(e => source is null || e.SourceType == source).ToList();
                var before = mine.Where(e => e.Timestamp < at).OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id).Take(30).Reverse();
                var later = mine.Where(e => e.Timestamp >= at).OrderBy(e => e.Timestamp).ThenBy(e => e.Id).Take(30);
                Assert.Equal(before.Concat(later).Select(e => e.Id), around.Select(e => e.Id));
            }
        }
    }

    [Fact]
    public async Task Retention_keeps_blocks_exact_and_health_counts_what_is_left()
    {
        await AppendMixAsync();

        var deleted = await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, 3_000), T0, None);

        Assert.Equal(2_200, deleted);
        await AssertBlocksExactAsync(3_000);
        var all = await Store.Events.SearchAsync(new EventQuery(Limit: int.MaxValue), None).ToListAsync();
        var now = T0.AddHours(2);
        var health = await Store.Insights.IngestionHealthAsync(now, 48, None);
        var expected = all.GroupBy(e => e.SourceType).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (
            g.Key,
            g.Max(e => e.Timestamp),
            string.Join(",", Enumerable.Range(0, 48).Select(h => g.Count(e => Hour(e.Timestamp) == Hour(now) - 47 + h)))));
        Assert.Equal(expected, health.Select(h => (h.SourceType, h.LastSeen, string.Join(",", h.Hours))));

        await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, 0), T0, None);
        await AssertBlocksExactAsync(0);
        Assert.Empty(await Store.Insights.IngestionHealthAsync(now, 3, None));
    }

    [Fact]
    public async Task A_store_from_before_the_blocks_is_summarised_when_it_is_migrated()
    {
        await AppendMixAsync();
        await Store.DisposeAsync();
        await Database.ScalarAsync("DROP TABLE event_blocks");
        await Database.ScalarAsync("CREATE INDEX events_ts ON events (ts)");
        await Database.ScalarAsync("CREATE INDEX events_source_type_ts ON events (source_type, ts)");
        await Database.ScalarAsync("DELETE FROM schema_migrations WHERE version = 13");

        await ReopenAsync();

        await AssertBlocksExactAsync(5_200);
        Assert.Equal(0L, await LongAsync(Database is SqliteTestDatabase
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_%'"
            : "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'events_%' AND indexname <> 'events_pkey'"));
        var after = await Store.Events.AppendAsync(Sample.Batch(5, T0.AddMinutes(1), "m365"), null, None);
        Assert.Equal(5, after.Ids.Count);
        await AssertBlocksExactAsync(5_205);
        var around = await Store.Insights.AroundAsync(T0.AddMinutes(1).AddSeconds(2), "m365", 2, None);
        Assert.Contains(after.Ids[2], around.Select(e => e.Id));
    }

    private static readonly string[] Sources = ["syslog", "sshd", "m365"];

    private static long Hour(DateTimeOffset time) => time.ToUnixTimeSeconds() / 3600;

    // 5,200 events in 5 batches (one of 4,300, more than a block's span), three kinds (m365
    // rare), a tenth late by up to three hours and a few from days ago; times to the second, so many are equal.
    private async Task AppendMixAsync()
    {
        var random = new Random(7);
        var n = 0;
        foreach (var size in new[] { 1, 300, 4_300, 500, 99, 0 })
        {
            var batch = new List<EventRecord>();
            for (var i = 0; i < size; i++, n++)
            {
                var source = n % 97 == 0 ? "m365" : n % 3 == 0 ? "sshd" : "syslog";
                var time = T0.AddSeconds(n / 4);
                if (random.Next(10) == 0)
                {
                    time = time.AddSeconds(-random.Next(3 * 3600));
                }

                if (random.Next(500) == 0)
                {
                    time = time.AddDays(-random.Next(1, 4));
                }

                batch.Add(Sample.Event(time, source, $"r{n}", T0.AddSeconds(n), ("n", n.ToString(CultureInfo.InvariantCulture))));
            }

            if (batch.Count > 0)
            {
                await Store.Events.AppendAsync(batch, null, None);
            }
        }

        Assert.Equal(5_200, n);
    }

    // Counts, first and last ids, smallest and largest times exact; blocks within the span and, per kind and minute,
    // apart; counts summing to the events: so every event is in exactly one block of its kind and minute.
    private async Task AssertBlocksExactAsync(long events)
    {
        var holds = $"b.source_type = e.source_type AND e.id >= b.first_id AND e.id <= b.last_id AND {MinuteOf("e.ts")} = {MinuteOf("b.min_ts")}";
        Assert.Equal(events, await LongAsync("SELECT COUNT(*) FROM events"));
        Assert.Equal(events, await LongAsync("SELECT COALESCE(SUM(event_count), 0) FROM event_blocks"));
        Assert.Equal(0L, await LongAsync($"""
            SELECT COUNT(*) FROM event_blocks b WHERE
                b.event_count <> (SELECT COUNT(*) FROM events e WHERE {holds})
                OR b.first_id <> (SELECT MIN(e.id) FROM events e WHERE {holds})
                OR b.last_id <> (SELECT MAX(e.id) FROM events e WHERE {holds})
                OR b.min_ts <> (SELECT MIN(e.ts) FROM events e WHERE {holds})
                OR b.max_ts <> (SELECT MAX(e.ts) FROM events e WHERE {holds})
                OR b.last_id - b.first_id >= 4096
            """));
        Assert.Equal(0L, await LongAsync($"""
            SELECT COUNT(*) FROM event_blocks a JOIN event_blocks b ON a.source_type = b.source_type AND a.first_id < b.first_id
                AND b.first_id <= a.last_id AND {MinuteOf("a.min_ts")} = {MinuteOf("b.min_ts")}
            """));
    }

    private static string MinuteOf(string column) => $"({column} - ((({column} % 60000000) + 60000000) % 60000000))";

    private async Task<long> LongAsync(string sql) => Convert.ToInt64(await Database.ScalarAsync(sql), CultureInfo.InvariantCulture);
}

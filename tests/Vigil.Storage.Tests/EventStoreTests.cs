using Vigil.Storage.Events;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>The event store, run on both databases by the derived classes.</summary>
public abstract class EventStoreTests : StoreTests
{
    private static readonly DateTimeOffset T0 = Sample.Epoch;

    [Fact]
    public async Task Appended_events_come_back_as_stored_with_increasing_ids()
    {
        var first = Sample.Event(T0, "iis", "GET /a é\0", T0.AddSeconds(5), ("user", "alice"), ("tag", "a"), ("tag", "b"), ("empty", null), ("ünï", "çödé"));
        var second = Sample.Event(null, "", "no time", T0.AddSeconds(9));

        var result = await Store.Events.AppendAsync([first, second], null, None);

        Assert.False(result.Duplicate);
        Assert.Equal(2, result.Ids.Count);
        Assert.True(result.Ids[0] < result.Ids[1]);
        var stored = await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync();
        Assert.Equal(result.Ids, stored.Select(e => e.Id));
        var e0 = stored[0];
        Assert.Equal((T0, T0.AddSeconds(5), "iis", "tcp:127.0.0.1", 7L, "GET /a é\0"), (e0.Timestamp, e0.ReceivedAt, e0.SourceType, e0.Origin, e0.Record, e0.Raw));
        Assert.Equal(first.Event.Fields().ToList(), e0.Fields);
        Assert.Equal(T0.AddSeconds(9), stored[1].Timestamp); // no event time: the receipt time stands in
        Assert.Equal(2, await Store.Events.CountAsync(None));
    }

    [Fact]
    public async Task Later_appends_get_larger_ids()
    {
        var a = await Store.Events.AppendAsync(Sample.Batch(3, T0), null, None);
        var b = await Store.Events.AppendAsync(Sample.Batch(3, T0), null, None);

        Assert.True(a.Ids.Max() < b.Ids.Min());
    }

    [Fact]
    public async Task Invalid_utf16_is_stored_with_replacement_characters_instead_of_failing()
    {
        await Store.Events.AppendAsync([Sample.Event(T0, raw: "x\uD800y", fields: [("f\uDC00", "v\uD800")])], null, None);

        var stored = Assert.Single(await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync());
        Assert.Equal("x\uFFFDy", stored.Raw);
        Assert.Equal(new KeyValuePair<string, string?>("f\uFFFD", "v\uFFFD"), Assert.Single(stored.Fields));
    }

    [Fact]
    public async Task Raw_bytes_are_stored_exactly_and_values_after_invalid_utf8_still_read_back_as_slices()
    {
        // Invalid sequences decode to one U+FFFD each (the 4-byte one too), so text offsets differ from byte offsets;
        // the record is a slice of a larger array, as listeners hand them over.
        byte[] bytes = [.. "<13>é "u8, 0xFF, 0xF0, 0x9F, 0x98, (byte)' ', .. "日本 😀 user=alice-the-user end"u8];
        var block = (byte[])[1, 2, .. bytes, 3];
        var logEvent = new Vigil.Events.LogEvent { Timestamp = T0 };
        logEvent.Add("user", "alice-the-user");
        logEvent.Add("message", "日本 😀 user=alice-the-user end");

        await Store.Events.AppendAsync([new EventRecord(logEvent, block.AsMemory(2, bytes.Length), T0)], null, None);

        Assert.Equal(bytes, await Database.ScalarAsync("SELECT raw FROM events"));
        var stored = Assert.Single(await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync());
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), stored.Raw);
        Assert.Equal(logEvent.Fields().ToList(), stored.Fields);
        var at = stored.Raw.IndexOf("alice-the-user", StringComparison.Ordinal);
        Assert.NotEqual(bytes.AsSpan().IndexOf("alice-the-user"u8), at); // text offsets, not byte offsets
        Assert.Contains($"[{at},14]", (string?)await Database.ScalarAsync("SELECT fields FROM events"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_that_json_must_escape_comes_back_unchanged()
    {
        string[] values = ["quote \" backslash \\ slash /", "lines\r\n\ttab\b\f", "control \u0001\u001f del \u007f", "<html> & 'x'", "ünï çödé 日本 😀", "\u2028\u2029"];
        var record = Sample.Event(T0, fields: [.. values.Select((v, i) => ($"f{i}\"\\", (string?)v))]);

        await Store.Events.AppendAsync([record], null, None);

        var stored = Assert.Single(await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync());
        Assert.Equal(record.Event.Fields().ToList(), stored.Fields);
    }

    [Fact]
    public async Task A_value_shared_by_two_fields_comes_back_under_both()
    {
        // The syslog parser puts one string instance under message and syslog.message; it is stored once.
        var message = "connect from unknown[203.0.113.1] after a long enough text";
        var record = Sample.Event(T0, fields: [("syslog.hostname", "mail"), ("message", message), ("n", null), ("syslog.message", message), ("short", "abc"), ("again", "abc")]);

        await Store.Events.AppendAsync([record], null, None);

        var stored = Assert.Single(await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync());
        Assert.Equal(record.Event.Fields().ToList(), stored.Fields);
    }

    [Fact]
    public async Task A_large_batch_of_syslog_events_comes_back_in_order_with_fields_cut_from_the_raw_record()
    {
        // 70 events: SQLite writes them 32 rows to a statement and the rest one by one; the ids are still the rows'.
        var batch = Enumerable.Range(0, 70).Select(i =>
        {
            var message = $"client=unknown[203.0.113.{i}], sasl_method=LOGIN, sasl_username=user{i}@clinic.example";
            var raw = $"<22>Mar  1 10:00:{i % 60:00} mail postfix/smtpd[{4000 + i}]: {message}";
            return Sample.Event(T0.AddSeconds(i), "postfix", raw, null,
                ("syslog.hostname", "mail"), ("syslog.appname", "postfix/smtpd"), ("message", message), ("syslog.message", message),
                ("postfix.client_ip", $"203.0.113.{i}"), ("postfix.sasl_username", $"user{i}@clinic.example"), ("other", "not in the record"));
        }).ToList();

        var result = await Store.Events.AppendAsync(batch, null, None);

        var stored = await Store.Events.SearchAsync(new EventQuery(Limit: 100), None).ToListAsync();
        Assert.Equal(result.Ids, stored.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(0, 70).Select(i => result.Ids[0] + i), result.Ids);
        Assert.Equal(batch.Select(r => r.RawText()), stored.Select(e => e.Raw));
        Assert.Equal(batch.Select(r => r.Event.Fields().ToList()), stored.Select(e => e.Fields));
        Assert.Equal(batch.Select(r => r.Event.Timestamp), stored.Select(e => (DateTimeOffset?)e.Timestamp));
    }

    [Fact]
    public async Task Kinds_and_origins_that_repeat_and_interleave_are_stored_as_each_event_holds_them()
    {
        // More kinds than the inserter keeps encoded, equal text as distinct instances, NUL, non-ASCII, "", a lone
        // surrogate (stored as U+FFFD on both databases; PostgreSQL's driver refused the whole batch) and a valid pair.
        string[] texts = ["postfix", new string("postfix".AsSpan()), "dovecot", "a\0b", "", "\u00FCber", "sshd", "cron", "sudo", "x\uD800y", "\uD83D\uDE00"];
        var batch = Enumerable.Range(0, 77).Select(i =>
        {
            var record = Sample.Event(T0, texts[i % texts.Length], $"r{i}");
            record.Event.Source = texts[(i / 3) % texts.Length];
            return record;
        }).ToList();

        await Store.Events.AppendAsync(batch, null, None);

        var stored = await Store.Events.SearchAsync(new EventQuery(Limit: 100), None).ToListAsync();
        static string AsStored(string text) => text.Replace('\0', '\uFFFD').Replace('\uD800', '\uFFFD');
        Assert.Equal(batch.Select(r => (AsStored(r.Event.SourceType), AsStored(r.Event.Source))), stored.Select(e => (e.SourceType, e.Origin)));
        Assert.Contains(stored, static e => e.SourceType == "\uD83D\uDE00");
        Assert.Equal(77, await Store.Events.CountAsync(None));
    }

    [Fact]
    public async Task Rows_with_large_and_empty_values_are_stored_exactly()
    {
        // 64 rows of one batch (two 32-row statements on SQLite) whose values together fill several of the inserter's
        // buffers, values larger than it copies itself, and empty ones; each row distinct, so a value read from
        // another row's place would show.
        var records = Enumerable.Range(0, 64).Select(i =>
        {
            var size = i % 5 == 0 ? 20_000 + i : 9_000 + (i * 37);
            var raw = i % 16 == 3 ? "" : new string((char)('a' + (i % 26)), size) + $" end {i}";
            return Sample.Event(T0.AddSeconds(i), i % 16 == 5 ? "" : $"kind-{i % 7}", raw, null, ("value", $"{i} " + new string('v', size)), ("empty", ""));
        }).ToList();

        await Store.Events.AppendAsync(records, null, None);

        var stored = await Store.Events.SearchAsync(new EventQuery(Limit: 100), None).ToListAsync();
        Assert.Equal(records.Select(r => (r.EventTime, r.Event.SourceType, r.RawText())), stored.Select(e => (e.Timestamp, e.SourceType, e.Raw)));
        Assert.Equal(records.Select(r => r.Event.Fields().ToList()), stored.Select(e => e.Fields.ToList()));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_writes_nothing()
    {
        var first = await Store.Events.AppendAsync(Sample.Batch(2, T0), "batch-1", None);
        var again = await Store.Events.AppendAsync(Sample.Batch(2, T0), "batch-1", None);
        var other = await Store.Events.AppendAsync(Sample.Batch(1, T0), "batch-2", None);

        Assert.False(first.Duplicate);
        Assert.True(again.Duplicate);
        Assert.Empty(again.Ids);
        Assert.False(other.Duplicate);
        Assert.Equal(3, await Store.Events.CountAsync(None));
    }

    [Fact]
    public async Task An_empty_batch_is_a_caller_error()
        => await Assert.ThrowsAsync<ArgumentException>(() => Store.Events.AppendAsync([], null, None));

    [Fact]
    public async Task Search_narrows_by_time_range_and_source_type()
    {
        await Store.Events.AppendAsync(Sample.Batch(10, T0, "iis"), null, None);
        await Store.Events.AppendAsync(Sample.Batch(10, T0, "postfix"), null, None);

        async Task<string[]> Find(EventQuery q) =>
            [.. (await Store.Events.SearchAsync(q, None).ToListAsync()).Select(e => $"{e.SourceType}:{e.Fields[0].Value}")];

        Assert.Equal(["iis:2", "iis:3", "postfix:2", "postfix:3"], await Find(new EventQuery(From: T0.AddSeconds(2), To: T0.AddSeconds(4))));
        Assert.Equal(["postfix:8", "postfix:9"], await Find(new EventQuery(From: T0.AddSeconds(8), SourceType: "postfix")));
        Assert.Equal(["iis:0", "iis:1"], await Find(new EventQuery(To: T0.AddSeconds(2), SourceType: "iis")));
        Assert.Empty(await Find(new EventQuery(SourceType: "dovecot")));
    }

    [Fact]
    public async Task Field_filters_compare_ignoring_case_on_any_value_and_must_all_hold()
    {
        var ids = (await Store.Events.AppendAsync(
        [
            Sample.Event(T0, fields: [("user", "Alice"), ("ip", "10.0.0.1")]),
            Sample.Event(T0, fields: [("user", "bob"), ("user", "ALICE"), ("ip", "10.0.0.2")]),
            Sample.Event(T0, fields: [("User", "alice"), ("ip", "192.168.1.1")]),
            Sample.Event(T0, fields: [("user", null), ("note", "alice was here")]),
        ], null, None)).Ids;

        async Task<long[]> Find(params FieldFilter[] filters) =>
            [.. (await Store.Events.SearchAsync(new EventQuery(Fields: filters), None).ToListAsync()).Select(e => e.Id)];

        Assert.Equal([ids[0], ids[1]], await Find(new FieldFilter("user", "alice")));
        Assert.Equal([ids[1]], await Find(new FieldFilter("user", "alice"), new FieldFilter("ip", "10.0.0.2")));
        Assert.Equal([ids[0], ids[1]], await Find(new FieldFilter("ip", "10.0.", Contains: true)));
        Assert.Equal([ids[3]], await Find(new FieldFilter("note", "ALICE", Contains: true)));
        Assert.Empty(await Find(new FieldFilter("user", "ali")));
    }

    [Fact]
    public async Task Search_pages_after_an_id_and_stops_at_the_limit_even_across_pages()
    {
        var ids = (await Store.Events.AppendAsync(Sample.Batch(2500, T0), null, None)).Ids;

        var page = await Store.Events.SearchAsync(new EventQuery(AfterId: ids[9], Limit: 5), None).ToListAsync();
        var odd = await Store.Events.SearchAsync(
            new EventQuery(Fields: [new FieldFilter("n", "1", Contains: true)], Limit: 600), None).ToListAsync();
        var all = await Store.Events.SearchAsync(new EventQuery(Limit: 10_000), None).ToListAsync();

        Assert.Equal(ids.Skip(10).Take(5), page.Select(e => e.Id));
        Assert.Equal(600, odd.Count);
        Assert.All(odd, e => Assert.Contains('1', e.Fields[0].Value!));
        Assert.Equal(odd.Select(e => e.Id).Order(), odd.Select(e => e.Id));
        Assert.Equal(ids, all.Select(e => e.Id));
        Assert.Empty(await Store.Events.SearchAsync(new EventQuery(Limit: 0), None).ToListAsync());
    }

    [Fact]
    public async Task Retention_by_age_deletes_events_received_before_the_cutoff()
    {
        var now = T0.AddDays(10);
        await Store.Events.AppendAsync([.. Enumerable.Range(0, 10).Select(d => Sample.Event(T0, receivedAt: T0.AddDays(d)))], null, None);

        var deleted = await Store.Events.ApplyRetentionAsync(new RetentionPolicy(TimeSpan.FromDays(3), null), now, None);

        Assert.Equal(7, deleted);
        var left = await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync();
        Assert.Equal([T0.AddDays(7), T0.AddDays(8), T0.AddDays(9)], left.Select(e => e.ReceivedAt));
        Assert.Equal(0, await Store.Events.ApplyRetentionAsync(new RetentionPolicy(TimeSpan.FromDays(3), null), now, None));
    }

    [Fact]
    public async Task Retention_by_count_keeps_the_newest_events()
    {
        var ids = (await Store.Events.AppendAsync(Sample.Batch(50, T0), null, None)).Ids;

        var deleted = await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, 20), T0, None);

        Assert.Equal(30, deleted);
        var left = await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync();
        Assert.Equal(ids.Skip(30), left.Select(e => e.Id));
        Assert.Equal(0, await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, 20), T0, None));
    }

    [Fact]
    public async Task Ids_are_never_reused_even_after_every_event_is_deleted()
    {
        var before = (await Store.Events.AppendAsync(Sample.Batch(5, T0), null, None)).Ids;
        await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, 0), T0, None);
        await ReopenAsync();

        var after = (await Store.Events.AppendAsync(Sample.Batch(1, T0), null, None)).Ids;

        Assert.Equal(0 + 1, await Store.Events.CountAsync(None));
        Assert.True(after[0] > before.Max());
    }

    [Fact]
    public async Task Idempotency_keys_are_forgotten_after_a_day_by_retention()
    {
        await Store.Events.AppendAsync(Sample.Batch(1, T0), "k", None);
        Database.Time.Advance(TimeSpan.FromHours(1));
        await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, null), Database.Time.GetUtcNow(), None);
        Assert.True((await Store.Events.AppendAsync(Sample.Batch(1, T0), "k", None)).Duplicate);

        await Store.Events.ApplyRetentionAsync(new RetentionPolicy(null, null), Database.Time.GetUtcNow().AddHours(25), None);

        Assert.False((await Store.Events.AppendAsync(Sample.Batch(1, T0), "k", None)).Duplicate);
    }

    [Fact]
    public async Task Events_survive_closing_and_reopening_the_store()
    {
        var ids = (await Store.Events.AppendAsync(Sample.Batch(3, T0), "durable", None)).Ids;

        await ReopenAsync();

        Assert.Equal(ids, (await Store.Events.SearchAsync(new EventQuery(), None).ToListAsync()).Select(e => e.Id));
        Assert.True((await Store.Events.AppendAsync(Sample.Batch(3, T0), "durable", None)).Duplicate);
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_ids_in_commit_order()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < 5; i++)
            {
                ids.AddRange((await Store.Events.AppendAsync(Sample.Batch(20, T0), null, None)).Ids);
            }

            return ids;
        })));

        var all = results.SelectMany(ids => ids).ToList();
        Assert.Equal(600, all.Distinct().Count());
        Assert.All(results, ids => Assert.Equal(ids.Order(), ids));
        Assert.Equal(all.Order(), (await Store.Events.SearchAsync(new EventQuery(Limit: 1000), None).ToListAsync()).Select(e => e.Id));
    }
}

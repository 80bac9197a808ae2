using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion.Listeners;
using Vigil.Monitoring.Ingest;
using Vigil.Storage;

namespace Vigil.Monitoring.Tests.Ingest;

/// <summary>The listeners' sink through the real pipeline into SQLite: what is stored as evidence, and what is quarantined.</summary>
public sealed class MessageIngestTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 5, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-ingest-").FullName;
    private IVigilStore? _store;
    private MonitoringService? _monitoring;

    private IVigilStore Store => _store ?? throw new InvalidOperationException("not initialised");

    private MonitoringService Monitoring => _monitoring ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        // The system clock: the batch writer waits a moment (on its clock) for more events before it commits.
        var time = TimeProvider.System;
        _store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = _folder }, time, CancellationToken.None);
        var problems = new ProblemLog(static _ => { });
        var engine = new DetectionEngine(RuleSet.Load([], problems), new EngineOptions(), problems);
        _monitoring = new MonitoringService(_store, engine, new MonitoringOptions
        {
            QueueCapacity = 8,
            Retention = new(MaxAge: null, MaxEvents: null), // T0 may be months ago on the system clock: keep the events
        }, time, NullLoggerFactory.Instance);
        await _monitoring.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_monitoring is not null)
        {
            await _monitoring.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Raw_records_are_the_received_bytes_even_after_the_listener_reuses_its_buffer()
    {
        byte[][] sent =
        [
            "<13>Mar  1 10:00:00 host app[7]: café 日本 😀 \u2028 end"u8.ToArray(),
            "{\"user\":\"zoë\",\"n\":1}"u8.ToArray(),
            "<13>Mar  1 10:00:01 host app: plain ascii"u8.ToArray(),
        ];
        var buffer = Frame(sent, out var messages);

        await new MessageIngest(Monitoring).AcceptManyAsync(messages, CancellationToken.None);
        Array.Fill(buffer, (byte)'#'); // the listener reads its next data into the same buffer
        await Monitoring.StopAsync(CancellationToken.None);

        Assert.Equal(sent, await StoredRawAsync());
        var stored = await Store.Events.SearchAsync(new Vigil.Storage.Events.EventQuery(), CancellationToken.None).ToListAsync();
        Assert.Equal(sent.Select(Encoding.UTF8.GetString), stored.OrderBy(static e => e.Id).Select(static e => e.Raw));
        Assert.Contains(stored, e => e.Fields.Contains(new("message", "café 日本 😀 \u2028 end")));
        Assert.Contains(stored, e => e.Fields.Contains(new("user", "zoë")));
    }

    [Fact]
    public async Task Messages_that_are_not_valid_utf8_are_quarantined_byte_for_byte_and_the_rest_stored()
    {
        byte[] invalid = [.. "<13>Mar  1 10:00:00 host app: bad "u8, 0xFF, 0xC3, (byte)'(', 0xED, 0xA0, 0x80];
        byte[][] sent = [invalid, "<13>Mar  1 10:00:01 host app: good"u8.ToArray()];
        Frame(sent, out var messages);

        await new MessageIngest(Monitoring).AcceptManyAsync(messages, CancellationToken.None);
        await Monitoring.StopAsync(CancellationToken.None);

        Assert.Equal([sent[1]], await StoredRawAsync());
        var quarantined = Assert.Single(await Store.Quarantine.ListAsync(10, CancellationToken.None));
        Assert.Equal(invalid, quarantined.Raw);
        Assert.Contains("UTF-8", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Monitoring.Metrics.CommittedCount("syslog-tcp"));
    }

    [Fact]
    public async Task A_read_of_more_messages_than_the_queue_holds_waits_for_the_writer_and_loses_none()
    {
        // Capacity 8: the read's 50 events go over in hand-overs of at most 8 that wait for the writer's room.
        var sent = Enumerable.Range(0, 50).Select(i => Encoding.UTF8.GetBytes($"<13>Mar  1 10:00:00 host app: message {i}")).ToArray();
        Frame(sent, out var messages);

        await new MessageIngest(Monitoring).AcceptManyAsync(messages, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await Monitoring.StopAsync(CancellationToken.None);

        Assert.Equal(sent, await StoredRawAsync());
    }

    [Fact]
    public async Task Hand_overs_queued_in_a_row_are_answered_in_order_each_once_stored_and_all_are_detected()
    {
        // Capacity 8 and hand-overs of 3: the writer commits a batch while the one before it syncs.
        var answers = new List<Task<Vigil.Storage.Events.AppendResult>>();
        for (var i = 0; i < 60; i++)
        {
            var events = Enumerable.Range(0, 3).Select(j => new Vigil.Storage.Events.EventRecord(new Vigil.Events.LogEvent { Timestamp = T0 }, $"hand-over {i} event {j}", T0)).ToList();
            var answer = await Monitoring.Queue.EnqueueAsync(events, null, "test", CancellationToken.None);
            answers.Add(Stored(answer));
        }

        var results = await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(20));

        var ids = results.SelectMany(static r => r.Ids).ToList();
        Assert.Equal(180, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await Store.Alerts.GetCursorAsync(Vigil.Monitoring.Live.LiveDetector.CursorName, CancellationToken.None) < ids[^1] && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        Assert.Equal(ids[^1], await Store.Alerts.GetCursorAsync(Vigil.Monitoring.Live.LiveDetector.CursorName, CancellationToken.None));

        // When a sender is answered, its events are in the store.
        async Task<Vigil.Storage.Events.AppendResult> Stored(Task<Vigil.Storage.Events.AppendResult> answer)
        {
            var result = await answer;
            var found = new List<long>();
            await foreach (var stored in Store.Events.SearchAsync(new Vigil.Storage.Events.EventQuery(AfterId: result.Ids[0] - 1, Limit: result.Ids.Count), CancellationToken.None))
            {
                found.Add(stored.Id);
            }

            Assert.Equal(result.Ids, found);
            return result;
        }
    }

    [Theory]
    [InlineData(300, 1_000, 0)]
    [InlineData(3, 70_000, 1)]
    [InlineData(120, 1_000, 100_000)]
    public void A_read_is_copied_into_blocks_below_the_large_object_heap_and_each_raw_record_is_its_payload(int count, int size, int large)
    {
        var sent = Enumerable.Range(0, count).Select(i => Enumerable.Repeat((byte)('a' + (i % 26)), size).ToArray()).ToList();
        if (large > 0)
        {
            sent.Insert(count / 2, Enumerable.Repeat((byte)'L', large).ToArray());
        }

        Frame([.. sent], out var messages);
        var kept = new PayloadBlocks(null);
        var raws = new ReadOnlyMemory<byte>[messages.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            raws[i] = kept.Keep(messages, i, messages.Length);
        }

        Assert.Null(kept.Pooled);

        Assert.Equal(sent, raws.Select(static r => r.ToArray()));
        foreach (var raw in raws)
        {
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(raw, out var segment));
            // Blocks hold whole payloads and stay under 85,000 bytes; only a payload larger than a block gets its own.
            Assert.True(segment.Array!.Length <= 64 * 1024 || segment.Array.Length == raw.Length, $"block of {segment.Array.Length} bytes");
        }

        if (size < 64 * 1024)
        {
            // Small payloads share blocks: a few arrays per read, not one per message.
            var blocks = raws.Select(static r => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(r, out var s) ? s.Array : null).Distinct().Count();
            Assert.InRange(blocks, 1, (count * size / (64 * 1024)) + 3);
        }
    }

    [Theory]
    [InlineData(100, 500, 1)] // 50,000 bytes: one pooled block
    [InlineData(300, 1_000, 5)] // four pooled blocks of 65 payloads, and the last 40,000 bytes fill over half of a fifth
    [InlineData(90, 1_000, 1)] // one pooled block of 65 payloads; the last 25,000 bytes get an array of their size
    [InlineData(20, 1_000, 0)] // 20,000 bytes, under half a block: an array of their size
    [InlineData(2, 70_000, 0)] // payloads larger than a block: their own arrays
    public void Reads_that_fill_half_a_block_or_more_take_pooled_blocks_listed_for_the_writer(int count, int size, int pooledBlocks)
    {
        var sent = Enumerable.Range(0, count).Select(i => Enumerable.Repeat((byte)('a' + (i % 26)), size).ToArray()).ToArray();
        Frame(sent, out var messages);
        var pool = new PayloadBlockPool();
        var kept = new PayloadBlocks(pool);
        var raws = new ReadOnlyMemory<byte>[messages.Length];
        for (var i = 0; i < messages.Length; i++)
        {
            raws[i] = kept.Keep(messages, i, messages.Length);
        }

        Assert.Equal(sent, raws.Select(static r => r.ToArray()));
        var arrays = raws.Select(static r => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(r, out var s) ? s.Array! : []).Distinct().ToList();
        var pooled = arrays.Where(static a => a.Length == PayloadBlockPool.BlockBytes).ToList();
        Assert.Equal(pooledBlocks, pooled.Count);
        if (pooledBlocks > 0)
        {
            Assert.Equal(pooled, kept.Pooled!);
        }
        else
        {
            Assert.Null(kept.Pooled);
        }
    }

    [Fact]
    public async Task Raw_records_of_large_reads_are_stored_intact_while_their_pooled_blocks_take_later_reads()
    {
        // Reads of 40 messages of about 5,000 bytes: each hand-over (8 events, the queue's capacity) fills most of a
        // pooled block. The next hand-over waits only for the writer to take the last one, not to commit it, so a block
        // given back before its commit would be overwritten by a later read before the store copied it.
        var sent = new List<byte[]>();
        var ingest = new MessageIngest(Monitoring);
        for (var read = 0; read < 12; read++)
        {
            var messages = Enumerable.Range(0, 40)
                .Select(i => Encoding.UTF8.GetBytes($"<13>Mar  1 10:00:00 host app[{read}]: read {read} message {i} " + new string((char)('a' + ((read + i) % 26)), 4_950 + i)))
                .ToArray();
            sent.AddRange(messages);
            var buffer = Frame(messages, out var received);
            await ingest.AcceptManyAsync(received, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Array.Fill(buffer, (byte)'#');
        }

        await Monitoring.StopAsync(CancellationToken.None);

        Assert.Equal(sent, await StoredRawAsync());
        Assert.True(Monitoring.Queue.Blocks.Reused > 0, "the reads never took a block back from the pool");
    }

    [Fact]
    public async Task A_single_message_keeps_its_payload_as_the_raw_record()
    {
        var payload = "<13>Mar  1 10:00:00 host app: ünï"u8.ToArray();

        await new MessageIngest(Monitoring).AcceptAsync(new ReceivedMessage(payload, "syslog-udp", "192.0.2.1:514", T0), CancellationToken.None);
        await Monitoring.StopAsync(CancellationToken.None);

        Assert.Equal([payload], await StoredRawAsync());
    }

    // The messages newline-framed in one buffer, as the TCP listener hands them over: slices of its receive buffer.
    private static byte[] Frame(byte[][] sent, out ReceivedMessage[] messages)
    {
        var buffer = new byte[sent.Sum(static m => m.Length + 1)];
        messages = new ReceivedMessage[sent.Length];
        var at = 0;
        for (var i = 0; i < sent.Length; i++)
        {
            sent[i].CopyTo(buffer, at);
            messages[i] = new ReceivedMessage(buffer.AsMemory(at, sent[i].Length), "syslog-tcp", "192.0.2.1:50000", T0);
            at += sent[i].Length;
            buffer[at++] = (byte)'\n';
        }

        return buffer;
    }

    private async Task<List<byte[]>> StoredRawAsync()
    {
        var raws = new List<byte[]>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "vigil.db"), Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT raw FROM events ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            raws.Add(reader.GetFieldValue<byte[]>(0));
        }

        return raws;
    }
}

using System.Threading.Channels;
using Vigil.Events;
using Vigil.Monitoring.Ingest;
using Vigil.Storage.Events;

namespace Vigil.Monitoring.Tests.Ingest;

public sealed class IngestQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Hand_overs_of_many_events_wait_until_the_writer_has_taken_enough_events()
    {
        var queue = new IngestQueue(4, new MonitoringMetrics());
        await queue.EnqueueUnacknowledgedAsync(Records(3), "syslog-tcp", CancellationToken.None);

        var second = queue.EnqueueUnacknowledgedAsync(Records(2), "syslog-tcp", CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(second.IsCompleted, "3 + 2 events exceed a budget of 4");
        Assert.Equal(1, queue.Depth);

        Assert.True(queue.TryTake(out var first));
        Assert.Equal(3, first.Events.Count);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(queue.TryTake(out var next));
        Assert.Equal((2, false), (next.Events.Count, next.Acknowledged));
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public async Task A_hand_over_larger_than_the_capacity_is_refused_and_stopping_releases_waiting_senders()
    {
        var queue = new IngestQueue(4, new MonitoringMetrics());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.EnqueueUnacknowledgedAsync(Records(5), "syslog-tcp", CancellationToken.None));
        await queue.EnqueueUnacknowledgedAsync(Records(4), "syslog-tcp", CancellationToken.None);
        var waiting = queue.EnqueueUnacknowledgedAsync(Records(1), "syslog-tcp", CancellationToken.None).AsTask();

        queue.Complete();

        await Assert.ThrowsAsync<ChannelClosedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(queue.TryTake(out var queued)); // what was queued is still drained
        Assert.Equal(4, queued.Events.Count);
    }

    [Fact]
    public async Task A_cancelled_sender_gives_its_place_back()
    {
        var queue = new IngestQueue(2, new MonitoringMetrics());
        await queue.EnqueueUnacknowledgedAsync(Records(2), "syslog-tcp", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = queue.EnqueueUnacknowledgedAsync(Records(1), "syslog-tcp", cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(queue.TryTake(out _));

        await queue.EnqueueUnacknowledgedAsync(Records(2), "syslog-tcp", CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, queue.Depth);
    }

    [Fact]
    public async Task Hand_overs_complete_at_once_while_the_queue_has_room()
    {
        var queue = new IngestQueue(4, new MonitoringMetrics());

        var many = queue.EnqueueUnacknowledgedAsync(Records(3), "syslog-tcp", CancellationToken.None);
        var one = queue.EnqueueUnacknowledgedAsync(Records(1)[0], "syslog-udp", CancellationToken.None);
        var acknowledged = queue.EnqueueAsync(Records(1), "key", "http", CancellationToken.None);

        Assert.True(many.IsCompletedSuccessfully && one.IsCompletedSuccessfully && acknowledged.IsCompletedSuccessfully);
        Assert.False((await acknowledged).IsCompleted); // queued, not yet committed
        Assert.Equal(3, queue.Depth);
    }

    private static List<EventRecord> Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventRecord(new LogEvent { Timestamp = T0 }, $"line {i}", T0))];
}

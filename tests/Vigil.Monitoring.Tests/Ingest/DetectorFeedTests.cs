using Microsoft.Extensions.Time.Testing;
using Vigil.Events;
using Vigil.Monitoring.Ingest;

namespace Vigil.Monitoring.Tests.Ingest;

public sealed class DetectorFeedTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Batches_beyond_the_waiting_bound_are_dropped_and_flagged_and_room_returns_as_batches_are_read()
    {
        var feed = new DetectorFeed(maxWaitingEvents: 10);
        feed.Offer(Batch(1, 6));
        feed.Offer(Batch(7, 4));
        Assert.False(feed.TakeMissed());
        Assert.Equal(10, feed.Waiting);

        feed.Offer(Batch(11, 1));
        Assert.True(feed.TakeMissed());
        Assert.False(feed.TakeMissed());

        await using var reader = feed.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(1, reader.Current.Ids[0]);
        Assert.Equal(4, feed.Waiting);

        feed.Offer(Batch(12, 6));
        Assert.False(feed.TakeMissed());
        feed.Complete();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(7, reader.Current.Ids[0]);
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(12, reader.Current.Ids[0]);
        Assert.False(await reader.MoveNextAsync());
        Assert.Equal(0, feed.Waiting);
    }

    [Fact]
    public void A_batch_larger_than_the_bound_is_taken_when_none_waits()
    {
        var feed = new DetectorFeed(maxWaitingEvents: 10);
        feed.Offer(Batch(1, 25));
        Assert.False(feed.TakeMissed());
        Assert.Equal(25, feed.Waiting);
        feed.Offer(Batch(26, 1));
        Assert.True(feed.TakeMissed());
    }

    [Fact]
    public void A_batch_offered_after_the_feed_closed_is_flagged_as_missed()
    {
        var feed = new DetectorFeed();
        feed.Complete();
        feed.Offer(Batch(1, 1));
        Assert.True(feed.TakeMissed());
        Assert.Equal(0, feed.Waiting);
    }

    [Fact]
    public async Task The_writer_waits_above_half_the_bound_until_the_detector_takes_enough_batches()
    {
        var feed = new DetectorFeed(maxWaitingEvents: 20);
        var time = new FakeTimeProvider(T0);
        feed.Offer(Batch(1, 10));
        Assert.False(await feed.WhenRoomAsync(TimeSpan.FromSeconds(1), time, CancellationToken.None));

        feed.Offer(Batch(11, 4));
        feed.Offer(Batch(15, 4));
        var room = await WaitingForRoomAsync(feed, TimeSpan.FromSeconds(1), time);

        await using var reader = feed.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.True(await room.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(8, feed.Waiting);
    }

    [Fact]
    public async Task A_detector_that_takes_nothing_for_the_stall_time_does_not_hold_the_writer()
    {
        var feed = new DetectorFeed(maxWaitingEvents: 20);
        var time = new FakeTimeProvider(T0);
        feed.Offer(Batch(1, 15));

        var room = await WaitingForRoomAsync(feed, TimeSpan.FromMilliseconds(250), time);
        time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.True(await room.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(15, feed.Waiting);
    }

    // The writer's wait for room, started and seen still waiting a moment later.
    private static async Task<Task<bool>> WaitingForRoomAsync(DetectorFeed feed, TimeSpan stall, TimeProvider time)
    {
        var room = feed.WhenRoomAsync(stall, time, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(room.IsCompleted);
        return room;
    }

    private static CommittedBatch Batch(long first, int count)
        => new([.. Enumerable.Range(0, count).Select(i => first + i)], [.. Enumerable.Range(0, count).Select(static _ => new LogEvent())], T0);
}

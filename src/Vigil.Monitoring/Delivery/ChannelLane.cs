using System.Collections.Concurrent;
using System.Threading.Channels;
using Vigil.Storage.Notifications;

namespace Vigil.Monitoring.Delivery;

/// <summary>One alert channel's own queue and senders, so a slow or failing channel delays only itself.</summary>
/// <remarks>
/// Notifications are tracked from enqueue until their outcome is recorded; a tracked notification is not enqueued
/// again when the next poll returns it (it is still due in the outbox until then).
/// </remarks>
internal sealed class ChannelLane(IAlertChannel channel, int concurrency, int capacity, NotificationAttempt attempt)
{
    private readonly Channel<PendingNotification> _queue = Channel.CreateUnbounded<PendingNotification>(
        new UnboundedChannelOptions { SingleWriter = true });

    private readonly ConcurrentDictionary<long, byte> _tracked = new();

    public ChannelCounters Counters { get; } = new();

    public int Tracked => _tracked.Count;

    /// <summary>Queues a notification unless it is already tracked or the lane is full (it then waits in the outbox).</summary>
    public bool TryEnqueue(PendingNotification notification)
    {
        if (_tracked.Count >= capacity || !_tracked.TryAdd(notification.Id, 0))
        {
            return false;
        }

        if (_queue.Writer.TryWrite(notification))
        {
            return true;
        }

        _tracked.TryRemove(notification.Id, out _); // completed: stopping
        return false;
    }

    public IEnumerable<Task> Start(CancellationToken ct) =>
        Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => SendLoopAsync(ct), CancellationToken.None)).ToList();

    public void Complete() => _queue.Writer.TryComplete();

    private async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await attempt.RunAsync(channel, Counters, notification, ct).ConfigureAwait(false);
                }
                catch (Exception) when (ct.IsCancellationRequested)
                {
                    return; // stopping; whatever failed is left due in the outbox
                }
                finally
                {
                    _tracked.TryRemove(notification.Id, out _);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: notifications not yet recorded stay due in the outbox and are sent after restart.
        }
    }
}

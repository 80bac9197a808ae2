using System.Collections.Concurrent;
using Vigil.Storage.Notifications;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A notification outbox in memory, recording every outcome with the (fake) time it was recorded.</summary>
internal sealed class InMemoryOutbox(TimeProvider time) : INotificationOutbox
{
    private readonly Lock _lock = new();
    private readonly List<PendingNotification> _pending = [];

    public ConcurrentQueue<FailureRecord> Failures { get; } = new();

    public ConcurrentQueue<long> Delivered { get; } = new();

    public ConcurrentQueue<long> GivenUp { get; } = new();

    public void Add(long id, long alertId, string channel)
    {
        lock (_lock)
        {
            _pending.Add(new PendingNotification(id, alertId, channel, 0, time.GetUtcNow()));
        }
    }

    public Task<IReadOnlyList<PendingNotification>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<PendingNotification> due = [.. _pending.Where(n => n.NextAttemptAt <= now).OrderBy(n => n.Id).Take(limit)];
            return Task.FromResult(due);
        }
    }

    public Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _pending.RemoveAll(n => n.Id == id);
        }

        Delivered.Enqueue(id);
        return Task.CompletedTask;
    }

    public Task MarkFailedAsync(long id, string reason, DateTimeOffset nextAttemptAt, bool giveUp, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _pending.FindIndex(n => n.Id == id);
            var notification = _pending[index];
            _pending.RemoveAt(index);
            if (!giveUp)
            {
                _pending.Add(notification with { Attempts = notification.Attempts + 1, NextAttemptAt = nextAttemptAt });
            }
        }

        Failures.Enqueue(new FailureRecord(id, reason, time.GetUtcNow(), nextAttemptAt, giveUp));
        if (giveUp)
        {
            GivenUp.Enqueue(id);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, long>> PendingByChannelAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<string, long> counts = _pending.GroupBy(n => n.Channel).ToDictionary(g => g.Key, g => (long)g.Count());
            return Task.FromResult(counts);
        }
    }
}

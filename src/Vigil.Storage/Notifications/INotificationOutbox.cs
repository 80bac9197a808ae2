namespace Vigil.Storage.Notifications;

/// <summary>The durable queue of alert notifications (an outbox: rows are added with their alert, in one transaction).</summary>
/// <remarks>Thread-safe. A notification is delivered at least once: it is marked delivered only after its channel accepted it.</remarks>
public interface INotificationOutbox
{
    /// <summary>Notifications whose next attempt is due at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingNotification>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a notification delivered; it is not returned again.</summary>
    Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt and when to try next; <paramref name="reason"/> names the failure, never the alert's content; with <paramref name="giveUp"/> it is not retried but kept as failed for an operator to see.</summary>
    Task MarkFailedAsync(long id, string reason, DateTimeOffset nextAttemptAt, bool giveUp, CancellationToken cancellationToken);

    /// <summary>How many notifications are pending, by channel.</summary>
    Task<IReadOnlyDictionary<string, long>> PendingByChannelAsync(CancellationToken cancellationToken);
}

using Vigil.Response.Breach;

namespace Vigil.Storage.Breach;

/// <summary>Notifications sent for incidents (migration 8): a deadline with a record is met and its reminders stop.</summary>
/// <remarks>Thread-safe; the recording time comes from the store's <see cref="TimeProvider"/>. Callers audit.</remarks>
public interface IBreachNotificationStore
{
    /// <summary>Records a notification of incident <paramref name="incidentId"/>; null when there is no such incident.</summary>
    /// <exception cref="ArgumentException">The jurisdiction or deadline is empty, or the phase is not one of <see cref="NotificationPhases.All"/>.</exception>
    Task<NotificationRecord?> RecordAsync(long incidentId, NewNotificationRecord notification, string actor, CancellationToken cancellationToken);

    /// <summary>The records of one incident (every incident when null), in the order they were recorded.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListAsync(long? incidentId, CancellationToken cancellationToken);

    /// <summary>The deadline keys (<c>jurisdiction:deadline</c>) of the incident that have a record: they are met.</summary>
    Task<IReadOnlySet<string>> MetAsync(long incidentId, CancellationToken cancellationToken);
}

using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Delivery;

/// <summary>A configured way of telling a person about an alert (an email address list, a webhook).</summary>
/// <remarks>
/// <see cref="SendAsync"/> returns when the peer accepted the alert and throws when it did not; the
/// <see cref="NotificationDispatcher"/> catches, records the failure and retries with backoff. Throw
/// <see cref="AlertDeliveryException"/> to name the failure precisely or to ask the dispatcher to give up.
/// Implementations must be safe to call concurrently and must never put the alert's content in an exception message
/// or a log.
/// </remarks>
public interface IAlertChannel
{
    /// <summary>The configured channel's name, as stored in the notification outbox.</summary>
    string Name { get; }

    /// <summary>Delivers one alert; throws on failure.</summary>
    Task SendAsync(Alert alert, CancellationToken ct);
}

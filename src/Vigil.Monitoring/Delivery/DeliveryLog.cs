using Microsoft.Extensions.Logging;

namespace Vigil.Monitoring.Delivery;

/// <summary>Alert delivery's log messages: ids, counts, channel names and failure reasons, never alert content.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(4100, LogLevel.Information, "Alert delivery started with {ChannelCount} channels")]
    public static partial void Started(ILogger logger, int channelCount);

    [LoggerMessage(4101, LogLevel.Information, "Notification {NotificationId} of alert {AlertId} delivered on channel {Channel}")]
    public static partial void Delivered(ILogger logger, long notificationId, long alertId, string channel);

    [LoggerMessage(4102, LogLevel.Warning, "Notification {NotificationId} of alert {AlertId} failed on channel {Channel} (attempt {Attempt}): {Reason}; next attempt at {NextAttemptAt:o}")]
    public static partial void Failed(ILogger logger, long notificationId, long alertId, string channel, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(4103, LogLevel.Error, "Notification {NotificationId} of alert {AlertId} given up on channel {Channel} after {Attempt} attempts: {Reason}")]
    public static partial void GaveUp(ILogger logger, long notificationId, long alertId, string channel, int attempt, string reason);

    [LoggerMessage(4104, LogLevel.Warning, "Polling the notification outbox failed: {ErrorType}")]
    public static partial void PollFailed(ILogger logger, string errorType);

    [LoggerMessage(4105, LogLevel.Warning, "Recording the outcome of notification {NotificationId} failed: {ErrorType}; it will be attempted again")]
    public static partial void OutcomeNotRecorded(ILogger logger, long notificationId, string errorType);
}

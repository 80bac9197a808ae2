using Microsoft.Extensions.Logging;
using Vigil.Storage.Alerts;
using Vigil.Storage.Notifications;

namespace Vigil.Monitoring.Delivery;

/// <summary>One attempt at one notification: load the alert, send it, record the outcome in the outbox.</summary>
/// <remarks>Never throws except on cancellation of <c>ct</c>; a notification whose outcome could not be recorded stays due and is attempted again (at least once).</remarks>
internal sealed class NotificationAttempt(
    INotificationOutbox outbox, IAlertStore alerts, DeliveryOptions options, RetryPolicy policy, TimeProvider time, ILogger logger)
{
    public async Task RunAsync(IAlertChannel channel, ChannelCounters counters, PendingNotification notification, CancellationToken ct)
    {
        Alert? alert;
        try
        {
            alert = await alerts.GetAsync(notification.AlertId, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await FailAsync(channel.Name, counters, notification, null, "alert could not be loaded: " + ex.GetType().Name, false, ct).ConfigureAwait(false);
            return;
        }

        if (alert is null)
        {
            await FailAsync(channel.Name, counters, notification, null, "alert not found", true, ct).ConfigureAwait(false);
            return;
        }

        try
        {
            using var backstop = new CancellationTokenSource(options.SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, backstop.Token);
            try
            {
                await channel.SendAsync(alert, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (backstop.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new AlertDeliveryException($"send did not finish within {options.SendTimeout.TotalSeconds:0} s", inner: ex);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var permanent = ex is AlertDeliveryException { Permanent: true };
            await FailAsync(channel.Name, counters, notification, alert, FailureReason.Describe(ex), permanent, ct).ConfigureAwait(false);
            return;
        }

        counters.Sent();
        DeliveryLog.Delivered(logger, notification.Id, notification.AlertId, channel.Name);
        await RecordAsync(notification.Id, () => outbox.MarkDeliveredAsync(notification.Id, time.GetUtcNow(), ct), ct).ConfigureAwait(false);
    }

    /// <summary>Records a failed attempt, scheduling the next one or giving up.</summary>
    public async Task FailAsync(
        string channel, ChannelCounters counters, PendingNotification notification, Alert? alert, string reason, bool giveUp, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempt = notification.Attempts + 1;
        giveUp = giveUp || policy.GiveUp(attempt, alert?.CreatedAt ?? now, now);
        var next = giveUp ? now : now + policy.Delay(attempt);
        counters.Failed();
        if (giveUp)
        {
            counters.GivenUp();
            DeliveryLog.GaveUp(logger, notification.Id, notification.AlertId, channel, attempt, reason);
        }
        else
        {
            DeliveryLog.Failed(logger, notification.Id, notification.AlertId, channel, attempt, reason, next);
        }

        await RecordAsync(notification.Id, () => outbox.MarkFailedAsync(notification.Id, reason, next, giveUp, ct), ct).ConfigureAwait(false);
    }

    private async Task RecordAsync(long id, Func<Task> record, CancellationToken ct)
    {
        try
        {
            await record().ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            DeliveryLog.OutcomeNotRecorded(logger, id, ex.GetType().Name);
        }
    }
}

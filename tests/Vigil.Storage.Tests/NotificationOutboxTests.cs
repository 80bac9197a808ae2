using Vigil.Storage.Alerts;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>The notification outbox, run on both databases by the derived classes.</summary>
public abstract class NotificationOutboxTests : StoreTests
{
    private static readonly DateTimeOffset Now = Sample.Epoch.AddHours(1);

    [Fact]
    public async Task A_new_alert_queues_one_due_notification_per_channel()
    {
        var alert = await RaiseAsync("r1", "mail", "hook");

        var due = await Store.Notifications.DueAsync(Now, 10, None);

        Assert.Equal(["mail", "hook"], due.Select(n => n.Channel));
        Assert.All(due, n => Assert.Equal((alert.Id, 0, Now), (n.AlertId, n.Attempts, n.NextAttemptAt)));
        Assert.Empty(await Store.Notifications.DueAsync(Now.AddSeconds(-1), 10, None));
        Assert.Single(await Store.Notifications.DueAsync(Now, 1, None));
    }

    [Fact]
    public async Task A_delivered_notification_is_not_due_again()
    {
        await RaiseAsync("r1", "mail");
        var due = Assert.Single(await Store.Notifications.DueAsync(Now, 10, None));

        await Store.Notifications.MarkDeliveredAsync(due.Id, Now, None);

        Assert.Empty(await Store.Notifications.DueAsync(Now.AddDays(1), 10, None));
        Assert.Empty(await Store.Notifications.PendingByChannelAsync(None));
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_when_its_next_attempt_is_due()
    {
        await RaiseAsync("r1", "mail");
        var due = Assert.Single(await Store.Notifications.DueAsync(Now, 10, None));

        await Store.Notifications.MarkFailedAsync(due.Id, "smtp: connection refused", Now.AddMinutes(1), giveUp: false, None);
        await Store.Notifications.MarkFailedAsync(due.Id, "smtp: connection refused", Now.AddMinutes(5), giveUp: false, None);

        Assert.Empty(await Store.Notifications.DueAsync(Now.AddMinutes(4), 10, None));
        var retry = Assert.Single(await Store.Notifications.DueAsync(Now.AddMinutes(5), 10, None));
        Assert.Equal((due.Id, 2, Now.AddMinutes(5)), (retry.Id, retry.Attempts, retry.NextAttemptAt));
    }

    [Fact]
    public async Task A_notification_given_up_is_kept_as_failed_and_never_due()
    {
        await RaiseAsync("r1", "hook");
        var due = Assert.Single(await Store.Notifications.DueAsync(Now, 10, None));

        await Store.Notifications.MarkFailedAsync(due.Id, "http 500", Now.AddMinutes(1), giveUp: true, None);

        Assert.Empty(await Store.Notifications.DueAsync(Now.AddDays(1), 10, None));
        Assert.Empty(await Store.Notifications.PendingByChannelAsync(None));
        Assert.Equal("failed", await Database.ScalarAsync($"SELECT status FROM notifications WHERE id = {due.Id}"));
        Assert.Equal("http 500", await Database.ScalarAsync($"SELECT last_error FROM notifications WHERE id = {due.Id}"));
    }

    [Fact]
    public async Task Pending_notifications_are_counted_by_channel()
    {
        await RaiseAsync("r1", "mail", "hook");
        await RaiseAsync("r2", "mail");

        var pending = await Store.Notifications.PendingByChannelAsync(None);

        Assert.Equal(2, pending["mail"]);
        Assert.Equal(1, pending["hook"]);
    }

    private async Task<Alert> RaiseAsync(string rule, params string[] channels)
    {
        var candidate = new AlertCandidate(rule, "title", "high", "", Sample.Epoch, [1], "{}");
        var result = await Store.Alerts.RecordAsync([candidate], TimeSpan.FromMinutes(5), channels, "live", 1, Now, None);
        return Assert.Single(result.Created);
    }
}

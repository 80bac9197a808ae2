using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class NotificationDispatcherTests
{
    [Fact]
    public async Task Webhook_answering_500_is_retried_after_five_seconds_and_then_delivered()
    {
        await using var fixture = new DispatcherFixture();
        using var receiver = new WebhookReceiver(WebhookAlertChannelTests.Secret, fixture.Time, 500, 500);
        using var http = WebhookAlertChannelTests.Http();
        fixture.Queue(1, "hook");

        fixture.Start(WebhookAlertChannelTests.Channel(receiver.Url, fixture.Time, http));
        await fixture.AdvanceUntilAsync(() => fixture.Outbox.Delivered.Contains(1), "notification 1 delivered");

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], fixture.Outbox.Failures.Select(f => f.Delay));
        Assert.All(fixture.Outbox.Failures, f => Assert.Equal("webhook answered HTTP 500", f.Reason));
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal(WebhookVerification.Valid, r.Verification));
        Assert.Equal(new ChannelDeliveryCounts(1, 2, 0), fixture.Dispatcher!.Snapshot().Channels["hook"]);
        Assert.Equal([4100, 4102, 4102, 4101], fixture.Logger.Entries.Select(e => e.EventId));
        Assert.All(fixture.Logger.Entries, e =>
        {
            Assert.DoesNotContain(TestAlerts.PatientMarker, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("alice", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("patient records", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Smtp_server_down_fails_with_the_reason_and_delivers_once_it_is_up()
    {
        await using var fixture = new DispatcherFixture();
        var port = FreePort.Next();
        fixture.Queue(1, "mail");

        fixture.Start(new SmtpAlertChannel("mail", SmtpAlertChannelTests.Options(port)));
        await Eventually.TrueAsync(() => !fixture.Outbox.Failures.IsEmpty, "first failure recorded");
        await using var server = await SmtpTestServer.StartAsync(port);
        await fixture.AdvanceUntilAsync(() => fixture.Outbox.Delivered.Contains(1), "notification 1 delivered");

        var failure = fixture.Outbox.Failures.First();
        Assert.Equal("connection failed: ConnectionRefused", failure.Reason);
        Assert.False(failure.GiveUp);
        Assert.Equal(TimeSpan.FromSeconds(5), failure.Delay);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task A_hanging_channel_does_not_delay_another_and_times_out_on_its_own()
    {
        await using var fixture = new DispatcherFixture();
        using var silent = new SilentServer();
        using var http = WebhookAlertChannelTests.Http();
        await using var server = await SmtpTestServer.StartAsync();
        for (var id = 1; id <= 5; id++)
        {
            fixture.Queue(id, "hook"); // older, so the outbox returns them first
        }

        fixture.Queue(6, "mail");
        fixture.Queue(7, "mail");

        fixture.Start(
            WebhookAlertChannelTests.Channel($"http://127.0.0.1:{silent.Port}/", fixture.Time, http, timeoutSeconds: 10),
            new SmtpAlertChannel("mail", SmtpAlertChannelTests.Options(server.Port)));
        await Eventually.TrueAsync(() => server.Received.Count == 2 && fixture.Outbox.Delivered.Count == 2, "both emails delivered");

        Assert.Equal([6L, 7L], fixture.Outbox.Delivered.Order());
        Assert.Empty(fixture.Outbox.Failures); // the webhooks are still hanging, not failed
        await Eventually.TrueAsync(() => silent.Accepted == 2, "two webhook sends in flight (the per-channel limit)");

        await fixture.AdvanceUntilAsync(() => fixture.Outbox.Failures.Count >= 2, "hanging webhooks timed out");
        Assert.All(fixture.Outbox.Failures, f => Assert.Equal("webhook timed out after 10 s", f.Reason));
    }

    [Fact]
    public async Task A_notification_is_given_up_after_max_attempts()
    {
        await using var fixture = new DispatcherFixture(new DeliveryOptions { JitterFraction = 0, MaxAttempts = 3 });
        using var receiver = new WebhookReceiver(WebhookAlertChannelTests.Secret, fixture.Time, 503, 503, 503, 503);
        using var http = WebhookAlertChannelTests.Http();
        fixture.Queue(1, "hook");

        fixture.Start(WebhookAlertChannelTests.Channel(receiver.Url, fixture.Time, http));
        await fixture.AdvanceUntilAsync(() => fixture.Outbox.GivenUp.Contains(1), "notification 1 given up");
        fixture.Time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(20);

        Assert.Equal([false, false, true], fixture.Outbox.Failures.Select(f => f.GiveUp));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)], fixture.Outbox.Failures.Take(2).Select(f => f.Delay));
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Equal(new ChannelDeliveryCounts(0, 3, 1), fixture.Dispatcher!.Snapshot().Channels["hook"]);
    }

    [Fact]
    public async Task Gone_gives_up_at_once()
    {
        await using var fixture = new DispatcherFixture();
        using var receiver = new WebhookReceiver(WebhookAlertChannelTests.Secret, fixture.Time, 410);
        using var http = WebhookAlertChannelTests.Http();
        fixture.Queue(1, "hook");

        fixture.Start(WebhookAlertChannelTests.Channel(receiver.Url, fixture.Time, http));
        await Eventually.TrueAsync(() => fixture.Outbox.GivenUp.Contains(1), "notification 1 given up");

        Assert.Single(fixture.Outbox.Failures);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Unknown_channel_and_missing_alert_are_given_up_with_a_reason()
    {
        await using var fixture = new DispatcherFixture();
        using var receiver = new WebhookReceiver(WebhookAlertChannelTests.Secret, fixture.Time);
        using var http = WebhookAlertChannelTests.Http();
        fixture.Queue(1, "pager");
        fixture.Outbox.Add(2, alertId: 999, "hook");

        fixture.Start(WebhookAlertChannelTests.Channel(receiver.Url, fixture.Time, http));
        await Eventually.TrueAsync(() => fixture.Outbox.GivenUp.Count == 2, "both given up");

        var reasons = fixture.Outbox.Failures.OrderBy(f => f.Id).Select(f => f.Reason);
        Assert.Equal(["no channel with this name is configured", "alert not found"], reasons);
        Assert.Empty(receiver.Requests);
        Assert.Equal(1, fixture.Dispatcher!.Snapshot().Channels[NotificationDispatcher.UnknownChannel].GivenUp);
    }

    [Fact]
    public async Task A_poll_does_not_send_a_notification_that_is_still_in_flight_again()
    {
        await using var fixture = new DispatcherFixture(new DeliveryOptions { JitterFraction = 0, MaxConcurrencyPerChannel = 1 });
        using var silent = new SilentServer();
        using var http = WebhookAlertChannelTests.Http();
        fixture.Queue(1, "hook");

        fixture.Start(WebhookAlertChannelTests.Channel($"http://127.0.0.1:{silent.Port}/", fixture.Time, http, timeoutSeconds: 30));
        await Eventually.TrueAsync(() => silent.Accepted == 1, "first send in flight");
        for (var i = 0; i < 5; i++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1)); // five polls while it hangs
            await Task.Delay(10);
        }

        Assert.Equal(1, silent.Accepted);
        Assert.Empty(fixture.Outbox.Failures);
    }
}

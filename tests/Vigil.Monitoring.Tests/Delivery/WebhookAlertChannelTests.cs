using System.Text.Json;
using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class WebhookAlertChannelTests
{
    internal const string Secret = "webhook-secret-0123456789";

    internal static HttpClient Http() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };

    internal static WebhookAlertChannel Channel(string url, TimeProvider time, HttpClient http, int timeoutSeconds = 60) =>
        new("hook", new WebhookChannelOptions { Url = url, Secret = Secret, TimeoutSeconds = timeoutSeconds }, http, time);

    [Fact]
    public async Task Alert_is_posted_as_json_with_a_signature_the_receiver_verifies()
    {
        var time = FakeTime.Create();
        using var receiver = new WebhookReceiver(Secret, time);
        using var http = Http();

        await Channel(receiver.Url, time, http).SendAsync(TestAlerts.Create(42, time.GetUtcNow()), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(WebhookVerification.Valid, request.Verification);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("vigil.alert", root.GetProperty("type").GetString());
        Assert.Equal(42, root.GetProperty("id").GetInt64());
        Assert.Equal("5c2a1e0f-rule", root.GetProperty("ruleId").GetString());
        Assert.Equal("high", root.GetProperty("level").GetString());
        Assert.Equal("user=alice@clinic.example", root.GetProperty("groupKey").GetString());
        Assert.Equal(7, root.GetProperty("count").GetInt32());
        Assert.Equal("2026-11-28T08:50:00+00:00", root.GetProperty("firstSeen").GetString());
        Assert.Equal([101L, 102L, 103L], root.GetProperty("eventIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("attack.collection", root.GetProperty("details").GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task Details_that_are_not_json_are_sent_as_a_string()
    {
        var time = FakeTime.Create();
        using var receiver = new WebhookReceiver(Secret, time);
        using var http = Http();
        var alert = TestAlerts.Create(1, time.GetUtcNow()) with { Details = "not {json" };

        await Channel(receiver.Url, time, http).SendAsync(alert, CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        Assert.Equal("not {json", json.RootElement.GetProperty("details").GetString());
    }

    [Theory]
    [InlineData(500, "webhook answered HTTP 500", false)]
    [InlineData(404, "webhook answered HTTP 404", false)]
    [InlineData(302, "webhook answered HTTP 302", false)]
    [InlineData(410, "webhook answered HTTP 410 Gone (receiver removed; giving up)", true)]
    public async Task Non_success_answers_fail_and_only_gone_is_permanent(int status, string reason, bool permanent)
    {
        var time = FakeTime.Create();
        using var receiver = new WebhookReceiver(Secret, time, status);
        using var http = Http();

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(
            () => Channel(receiver.Url, time, http).SendAsync(TestAlerts.Create(1, time.GetUtcNow()), CancellationToken.None));

        Assert.Equal(reason, error.Message);
        Assert.Equal(permanent, error.Permanent);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_times_out()
    {
        var time = FakeTime.Create();
        using var silent = new SilentServer();
        using var http = Http();
        var send = Channel($"http://127.0.0.1:{silent.Port}/", time, http, timeoutSeconds: 10)
            .SendAsync(TestAlerts.Create(1, time.GetUtcNow()), CancellationToken.None);

        await Eventually.TrueAsync(() => silent.Accepted == 1, "connection accepted");
        time.Advance(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => send);
        Assert.Equal("webhook timed out after 10 s", error.Message);
    }
}

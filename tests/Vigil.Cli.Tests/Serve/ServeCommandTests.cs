using System.Net;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServeCommandTests
{
    private static StringContent Ndjson(string text) => new(text, Encoding.UTF8, "application/x-ndjson");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Events_posted_over_http_are_committed_before_the_answer_and_found_by_events_search(string store)
    {
        using var fixture = new ServeFixture(store);
        var token = fixture.CreateToken("ingest");
        using (var serve = ServeProcess.Start(fixture.ConfigPath))
        using (var client = serve.Client(token))
        {
            var answer = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson("""
                {"time":"2026-11-28T10:00:00Z","user":"alice","action":"login"}
                {"time":"2026-11-28T10:00:05Z","user":"bob","action":"logout","nested":{"ip":"192.0.2.7"}}
                """));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(2, body.RootElement.GetProperty("accepted").GetInt32());

            // Read while the service runs (SQLite WAL lets the CLI read during writes).
            var (exit, stdout, stderr) = VigilProcess.Run("events", "search", "--config", fixture.ConfigPath, "--field", "user=BOB", "--format", "jsonl");
            Assert.True(exit == 0, stderr);
            var found = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            using var e = JsonDocument.Parse(found);
            Assert.Equal("192.0.2.7", e.RootElement.GetProperty("event").GetProperty("nested.ip").GetString());
            Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 5, TimeSpan.Zero), e.RootElement.GetProperty("timestamp").GetDateTimeOffset());
            Assert.Equal(0, serve.Stop());
        }
    }

    [Fact]
    public async Task Ingest_needs_a_live_token_with_the_ingest_scope()
    {
        using var fixture = new ServeFixture();
        var metricsOnly = fixture.CreateToken("metrics");
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        using var anonymous = serve.Client(null);
        using var wrongToken = serve.Client("vgl_00000000_notatoken");
        using var wrongScope = serve.Client(metricsOnly);
        var uri = new Uri("/api/v1/events", UriKind.Relative);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(uri, Ndjson("{\"a\":1}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.PostAsync(uri, Ndjson("{\"a\":1}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wrongScope.PostAsync(uri, Ndjson("{\"a\":1}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wrongScope.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_request_with_one_bad_record_is_refused_naming_it_and_nothing_of_it_is_stored(string store)
    {
        using var fixture = new ServeFixture(store);
        var token = fixture.CreateToken("ingest");
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        using var client = serve.Client(token);
        var answer = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson("{\"user\":\"carol\"}\n{\"user\": broken}\n"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("line 2", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (_, stdout, _) = VigilProcess.Run("events", "search", "--config", fixture.ConfigPath, "--format", "jsonl");
        Assert.Empty(stdout.Trim());
        var metrics = await (await serve.Client(fixture.CreateToken("metrics")).GetAsync(new Uri("/metrics", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("vigil_events_rejected_total{listener=\"http\",reason=\"invalid-json\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        using var fixture = new ServeFixture();
        var token = fixture.CreateToken("ingest");
        using var serve = ServeProcess.Start(fixture.ConfigPath, new() { ["VIGIL_Http__MaxRequestBytes"] = "2048" });
        using var client = serve.Client(token);
        var big = "{\"pad\":\"" + new string('x', 1_000_000) + "\"}\n";
        var answer = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson(big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task A_matching_event_raises_one_alert_that_alerts_list_shows_and_repeats_are_grouped_into_it(string store)
    {
        using var fixture = new ServeFixture(store);
        var token = fixture.CreateToken("ingest");
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        using var client = serve.Client(token);
        var events = string.Join('\n', Enumerable.Range(0, 3).Select(i => $"{{\"time\":\"2026-11-28T10:0{i}:00Z\",\"user\":\"mallory\",\"action\":\"{ServeFixture.Marker}\"}}"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson(events + "\n{\"user\":\"alice\",\"action\":\"login\"}"))).StatusCode);

        JsonElement alert = default;
        for (var i = 0; i < 100; i++)
        {
            var (exit, stdout, stderr) = VigilProcess.Run("alerts", "list", "--config", fixture.ConfigPath, "--format", "jsonl");
            Assert.True(exit == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length > 0 && JsonDocument.Parse(lines[0]).RootElement is var first && first.GetProperty("count").GetInt32() == 3)
            {
                Assert.Single(lines);
                alert = first;
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal(JsonValueKind.Object, alert.ValueKind);
        Assert.Equal("0b8e9f4e-5d0c-4b7a-9a1e-7c3d2e1f0a99", alert.GetProperty("rule_id").GetString());
        Assert.Equal("high", alert.GetProperty("level").GetString());
        Assert.Equal(3, alert.GetProperty("event_ids").GetArrayLength());
        Assert.Contains("mallory", alert.GetProperty("group_key").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minLevel: loud", "minLevel: 'loud'")]
    [InlineData("groupWindow: -01:00:00", "groupWindow: must be positive")]
    [InlineData("queueCapacity: 3", "queueCapacity")]
    [InlineData("unknownSetting: 1", "unknownSetting")]
    public void A_bad_configuration_stops_serve_at_start_with_a_line_naming_the_setting(string line, string expected)
    {
        using var fixture = new ServeFixture(extraConfig: line);
        var (exit, _, stderr) = VigilProcess.Run("serve", "--config", fixture.ConfigPath);
        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.StartsWith("vigil serve: config:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_analytics_could_not_evaluate_shows_in_the_metrics()
    {
        using var fixture = new ServeFixture();
        var ingest = fixture.CreateToken("ingest");
        var metrics = fixture.CreateToken("metrics");
        using var serve = ServeProcess.Start(fixture.ConfigPath);
        using var client = serve.Client(ingest);
        using var reader = serve.Client(metrics);

        // A MailItemsAccessed record that names no mailbox: the bulk-access analytic cannot evaluate it.
        var answer = await client.PostAsync(new Uri("/api/v1/events?source_type=m365.audit", UriKind.Relative),
            Ndjson("{\"CreationTime\":\"2026-11-28T10:00:00\",\"Operation\":\"MailItemsAccessed\",\"RecordType\":50,\"Workload\":\"Exchange\"}"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        const string Expected = "vigil_analytics_unevaluated_total{analytic=\"vigil-analytic-bulk-mail-items-accessed\",reason=\"missing-mailbox\"} 1";
        var text = "";
        for (var i = 0; i < 100 && !text.Contains(Expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            text = await reader.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.Contains(Expected, text, StringComparison.Ordinal);
    }
}

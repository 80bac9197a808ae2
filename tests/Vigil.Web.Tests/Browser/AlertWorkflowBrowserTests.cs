using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>The web app as people use it, in Chromium against the real <c>vigil serve</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertWorkflowBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_analyst_signs_in_with_a_code_sees_an_ingested_event_raise_an_alert_acknowledges_it_and_finds_the_event()
    {
        var page = await fixture.SignInAsync("ana");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overview");

        await fixture.App.IngestAsync($"{{\"action\":\"{ServeApp.Marker}\",\"user\":\"carol\",\"client_ip\":\"203.0.113.9\"}}\n{{\"action\":\"login\",\"user\":\"carol\"}}");
        var alert = page.Locator("table.alerts a", new() { HasText = "Browser test marker seen" });
        await BrowserFixture.ReloadUntilOneAsync(page, "/alerts", alert);
        await BrowserFixture.CheckPageAsync(page, "alerts");
        await alert.ClickAsync();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("open");
        await Assertions.Expect(page.Locator("li.technique")).ToHaveTextAsync("T1110.003");
        await Assertions.Expect(page.Locator("table.events").First).ToContainTextAsync("carol");
        await page.ClickAsync("button:text('Acknowledge')");
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("acknowledged");
        await page.FillAsync("#comment-text", "Spray from one address; blocking it.");
        await page.ClickAsync("button:text('Add comment')");
        await Assertions.Expect(page.Locator("ol.history")).ToContainTextAsync("Spray from one address");
        await BrowserFixture.CheckPageAsync(page, "alert-detail");

        await page.GotoAsync("/");
        await BrowserFixture.CheckPageAsync(page, "overview");
        await page.GotoAsync("/events?from=1h&fields=user%3Dcarol");
        await Assertions.Expect(page.Locator("#result-summary")).ToContainTextAsync("2 events shown");
        await BrowserFixture.CheckPageAsync(page, "events");
    }

    [Fact]
    public async Task An_admin_sees_listeners_tokens_channels_and_users_and_creates_a_token()
    {
        var page = await fixture.SignInAsync("ada");
        await page.GotoAsync("/settings");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Settings");
        await page.FillAsync("input[name=name]", "mail-gateway");
        await page.ClickAsync("button:text('Create token')");
        await Assertions.Expect(page.Locator("#new-token")).ToContainTextAsync("vgl_");
        await Assertions.Expect(page.Locator("section", new() { HasText = "Users" })).ToContainTextAsync("ana");
        await BrowserFixture.CheckPageAsync(page, "settings");
    }

    [Fact]
    public async Task A_viewer_reads_alerts_but_cannot_search_events_or_act_on_alerts()
    {
        var page = await fixture.SignInAsync("vic");
        await page.GotoAsync("/alerts?status=any");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Alerts");
        Assert.Equal(0, await page.Locator("button:text('Acknowledge')").CountAsync());
        var events = await page.GotoAsync("/events");
        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
        _ = events;
    }
}

using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>Incident work as people do it, in Chromium against the real <c>vigil serve</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_analyst_opens_an_incident_from_an_alert_completes_a_task_comments_and_moves_it_on()
    {
        var page = await fixture.SignInAsync("ana");
        await fixture.App.IngestAsync($"{{\"action\":\"{ServeApp.IncidentMarker}\",\"user\":\"dave.incident\",\"client_ip\":\"198.51.100.23\",\"Operation\":\"New-InboxRule\"}}");
        var row = page.Locator("table.alerts tbody tr", new() { HasText = "dave.incident" });
        await BrowserFixture.ReloadUntilOneAsync(page, "/alerts?status=any", row);
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("button:text('Open or add to an incident')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New incident");
        await Assertions.Expect(page.Locator("table.alerts")).ToContainTextAsync(ServeApp.IncidentRuleTitle);
        await BrowserFixture.CheckPageAsync(page, "incident-new");

        await page.FillAsync("#title", "Mailbox compromise (browser test)");
        await page.SelectOptionAsync("#severity", "high");
        await page.SelectOptionAsync("#playbook", "compromised-mailbox");
        await page.CheckAsync("input[name=Jurisdictions][value=uk-gdpr]");
        await page.FillAsync("#description", "Inbox rule found on dave's mailbox.");
        await page.ClickAsync("button:text('Open incident')");

        await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync("New");
        await Assertions.Expect(page.Locator("table.tasks")).ToContainTextAsync("Export the audit log");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync(ServeApp.IncidentRuleTitle);
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Operation New-InboxRule");
        await Assertions.Expect(page.Locator("table.observables")).ToContainTextAsync("198.51.100.23");
        await Assertions.Expect(page.Locator("a", new() { HasText = "Evidence" })).ToHaveCountAsync(1);

        await page.FillAsync("input[aria-label='Note for task 1 (optional)']", "Audit logging confirmed on");
        await page.ClickAsync("button[aria-label='Mark task 1 done']");
        await Assertions.Expect(page.Locator("#task-1")).ToContainTextAsync("by user:ana at");
        await Assertions.Expect(page.Locator("#task-1")).ToContainTextAsync("Audit logging confirmed on");
        await page.FillAsync("#comment-text", "Practice manager informed.");
        await page.ClickAsync("button:text('Add comment')");
        await Assertions.Expect(page.Locator("ol.comments")).ToContainTextAsync("Practice manager informed.");
        await page.ClickAsync("button:text('Move to Investigating')");
        await Assertions.Expect(page.Locator("#incident-status")).ToHaveTextAsync("Investigating");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Status set to Investigating");
        await BrowserFixture.CheckPageAsync(page, "incident-detail");

        await page.GotoAsync("/incidents");
        await Assertions.Expect(page.Locator("table.incidents")).ToContainTextAsync("Mailbox compromise (browser test)");
        await BrowserFixture.CheckPageAsync(page, "incidents");
    }
}

using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>An analyst on the Rules pages: search, disable and enable a rule, upload a rule, test it on an ingested event, enable it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesBrowserTests(BrowserFixture fixture)
{
    private const string UploadMarker = "VIGIL-BROWSER-UPLOAD";

    [Fact]
    public async Task An_analyst_searches_rules_disables_and_enables_one_and_uploads_tests_and_enables_a_new_rule()
    {
        var page = await fixture.SignInAsync("ana");
        await page.ClickAsync("nav >> text=Rules");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rules");
        await Assertions.Expect(page.Locator("table.packs")).ToContainTextAsync("rules");
        await BrowserFixture.CheckPageAsync(page, "rules");

        await page.FillAsync("#rule-search", "rules page marker");
        await page.ClickAsync("button:text('Filter')");
        await Assertions.Expect(page.Locator("#rule-count")).ToContainTextAsync("1 rules match");
        await page.ClickAsync($"table.rules a:text('{ServeApp.RulesMarkerTitle}')");
        await Assertions.Expect(page.Locator("li.technique")).ToHaveTextAsync("T1078");
        await Assertions.Expect(page.Locator("#rule-yaml")).ToContainTextAsync(ServeApp.RulesMarker);
        await BrowserFixture.CheckPageAsync(page, "rule-detail");
        await page.FillAsync("#rule-reason", "too noisy during the test");
        await page.ClickAsync("button:text('Disable')");
        await Assertions.Expect(page.Locator("#rule-state")).ToHaveTextAsync("disabled");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("too noisy during the test");
        await page.ClickAsync("button:text('Enable')");
        await Assertions.Expect(page.Locator("#rule-state")).ToHaveTextAsync("enabled");

        await fixture.App.IngestAsync($"{{\"action\":\"{UploadMarker}\",\"user\":\"erin\"}}");
        await page.GotoAsync("/rules");
        await page.ClickAsync("text=Upload a Sigma rule");
        await page.FillAsync("#rule-yaml-input", "title: Broken\ndetection: [oops\n");
        await page.ClickAsync("button:text('Test against recent events')");
        await Assertions.Expect(page.Locator("#rule-errors")).ToContainTextAsync("line");
        await page.FillAsync("#rule-yaml-input", $"title: Uploaded in the browser\nid: 9e8d7c6b-5a49-4382-a716-15f4e3d2c1b0\nstatus: experimental\nlogsource:\n  product: vigil-tests\ndetection:\n  selection:\n    action: {UploadMarker}\n  condition: selection\nlevel: medium\n");
        await page.ClickAsync("button:text('Test against recent events')");
        await Assertions.Expect(page.Locator("#test-summary")).ToContainTextAsync("1 of");
        await Assertions.Expect(page.Locator("table.events")).ToContainTextAsync("erin");
        await BrowserFixture.CheckPageAsync(page, "rule-upload");
        await page.ClickAsync("button:text('Save and enable')");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Uploaded in the browser");
        await Assertions.Expect(page.Locator("#rule-state")).ToHaveTextAsync("enabled");

        await page.GotoAsync("/rules/errors");
        await Assertions.Expect(page.Locator("table.rule-errors")).ToContainTextAsync("broken.yml");
        await BrowserFixture.CheckPageAsync(page, "rule-errors");

        await page.GotoAsync("/rules?pack=uploaded");
        await page.ClickAsync("table.rules a:text('Uploaded in the browser')");
        await page.ClickAsync("button:text('Delete this uploaded rule')");
        await Assertions.Expect(page.Locator("#rule-count")).ToContainTextAsync("0 rules match");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigil.Web.Tests.Discovery;

namespace Vigil.Web.Tests.Browser;

/// <summary>Data discovery and Vulnerabilities in Chromium against the real <c>vigil serve</c>.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class DiscoveryBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_privacy_officer_reveals_a_phi_finding_and_finds_the_reveal_in_the_audit_log_and_a_viewer_cannot_reveal_it()
    {
        var dpo = await app.SignInAsync("dpo");
        await dpo.GotoAsync("/discovery");
        await Assertions.Expect(dpo.Locator("h1")).ToHaveTextAsync("Data discovery");
        await BrowserFixture.CheckPageAsync(dpo, "discovery");
        await dpo.FillAsync("#scan-path", app.App.Mailbox);
        await dpo.ClickAsync("button:text('Start scan')");
        await Assertions.Expect(dpo).ToHaveURLAsync(ScanUrl(), new() { Timeout = 30_000 });
        var scanUrl = new Uri(dpo.Url).AbsolutePath;
        for (var i = 0; i < 100 && await dpo.Locator("#scan-status").TextContentAsync() == "running"; i++)
        {
            await Task.Delay(200);
            await dpo.GotoAsync(scanUrl);
        }

        await Assertions.Expect(dpo.Locator("#scan-status")).ToHaveTextAsync("completed");
        await Assertions.Expect(dpo.Locator("table.subjects")).ToContainTextAsync(PlantedMailbox.MaskedNhsNumber);
        await BrowserFixture.CheckPageAsync(dpo, "discovery-scan");

        await dpo.Locator("table.items tbody tr").First.Locator("a").First.ClickAsync();
        var itemUrl = new Uri(dpo.Url).AbsolutePath;
        await Assertions.Expect(dpo.Locator("#masked")).ToContainTextAsync(PlantedMailbox.MaskedNhsNumber);
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await dpo.ContentAsync(), StringComparison.Ordinal);
        await dpo.ClickAsync("#reveal");
        await Assertions.Expect(dpo.Locator("#revealed")).ToContainTextAsync(PlantedMailbox.NhsNumber);
        await BrowserFixture.CheckPageAsync(dpo, "discovery-item-revealed");

        await dpo.GotoAsync(scanUrl);
        var reveal = dpo.Locator("table.reveals tr", new() { HasText = "phi-revealed" });
        await Assertions.Expect(reveal).ToContainTextAsync("user:dpo");
        await Assertions.Expect(reveal).ToContainTextAsync(itemUrl.Replace("/discovery/", "phi-scan:", StringComparison.Ordinal).Replace("/items/", "/item:", StringComparison.Ordinal));
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await dpo.ContentAsync(), StringComparison.Ordinal);

        await dpo.ClickAsync("nav a:text('Audit log')");
        await Assertions.Expect(dpo.Locator("h1")).ToHaveTextAsync("Audit log");
        await Assertions.Expect(dpo.Locator("#chain-status")).ToContainTextAsync("Intact");
        var audited = dpo.Locator("table.audit tbody tr", new() { HasText = "phi-revealed" });
        await Assertions.Expect(audited).ToContainTextAsync("user:dpo");
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await dpo.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CheckPageAsync(dpo, "audit");

        var vic = await app.SignInAsync("vic");
        await vic.GotoAsync(itemUrl);
        await Assertions.Expect(vic.Locator("#masked-note")).ToBeVisibleAsync();
        Assert.Equal(0, await vic.Locator("#reveal").CountAsync());
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await vic.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.CheckPageAsync(vic, "discovery-item-viewer");
        var token = await vic.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forced = await vic.Context.APIRequest.PostAsync(itemUrl + "?handler=Reveal", new() { Form = FormWith(vic, token!) });
        Assert.Equal(403, forced.Status);
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await forced.TextAsync(), StringComparison.Ordinal);

        await dpo.GotoAsync(scanUrl);
        await Assertions.Expect(dpo.Locator("table.reveals tr", new() { HasText = "phi-reveal-denied" })).ToContainTextAsync("user:vic");
    }

    [Fact]
    public async Task A_viewer_reads_vulnerabilities_by_priority_with_the_overdue_finding_marked()
    {
        var vic = await app.SignInAsync("vic");
        await vic.GotoAsync("/vulnerabilities");
        await Assertions.Expect(vic.Locator("table.vulns")).ToContainTextAsync("CVE-2026-0001");
        await Assertions.Expect(vic.Locator("table.vulns")).ToContainTextAsync("overdue");
        await BrowserFixture.CheckPageAsync(vic, "vulnerabilities");
        await vic.GotoAsync("/vulnerabilities?view=assets");
        await BrowserFixture.CheckPageAsync(vic, "vulnerabilities-assets");
        await vic.GotoAsync("/vulnerabilities?view=exceptions");
        Assert.Equal(0, await vic.Locator("button:text('Add exception')").CountAsync());
        await BrowserFixture.CheckPageAsync(vic, "vulnerabilities-exceptions");
    }

    private static IFormData FormWith(IPage page, string token)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        return form;
    }

    [GeneratedRegex(@"/discovery/\d+$")]
    private static partial Regex ScanUrl();
}

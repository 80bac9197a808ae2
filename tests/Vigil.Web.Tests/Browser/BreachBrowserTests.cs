using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Vigil.Web.Tests.Discovery;

namespace Vigil.Web.Tests.Browser;

/// <summary>The evidence and breach pages in Chromium against the real <c>vigil serve</c>, as the privacy officer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BreachBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_privacy_officer_uploads_and_verifies_evidence_assesses_decides_marks_the_ico_notified_and_downloads_letters()
    {
        var id = app.App.BreachIncidentId;
        var dpo = await app.SignInAsync("dpo");

        await dpo.GotoAsync($"/incidents/{id}/evidence");
        await Assertions.Expect(dpo.Locator("h1")).ToContainTextAsync("Evidence of INC-");
        await dpo.SetInputFilesAsync("#file", app.App.Mailbox);
        await dpo.ClickAsync("#upload");
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(app.App.Mailbox)));
        await Assertions.Expect(dpo.Locator("#message")).ToContainTextAsync(sha);
        await Assertions.Expect(dpo.Locator("#evidence")).ToContainTextAsync(sha);
        await dpo.ClickAsync("#verify");
        await Assertions.Expect(dpo.Locator("#verification")).ToContainTextAsync("Intact");
        await Assertions.Expect(dpo.Locator("#custody")).ToContainTextAsync("intake");
        await BrowserFixture.CheckPageAsync(dpo, "incident-evidence");

        await dpo.GotoAsync($"/incidents/{id}/breach");
        await Assertions.Expect(dpo.Locator("#not-assessed")).ToBeVisibleAsync();
        await dpo.SelectOptionAsync("#source", new SelectOptionValue { Index = 0 });
        await dpo.ClickAsync("#scope-run");
        await Assertions.Expect(dpo.Locator("#people")).ToHaveTextAsync("1");
        await Assertions.Expect(dpo.Locator("#special")).ToContainTextAsync("yes");
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await dpo.ContentAsync(), StringComparison.Ordinal);

        await dpo.FillAsync("#fact-description", "Reception mailbox password guessed; messages forwarded to a look-alike domain.");
        await dpo.FillAsync("#fact-occurredAt", DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await dpo.CheckAsync("#fact-phishingObserved");
        await dpo.FillAsync("#fact-measuresTaken", "Password reset\nForwarding rule removed");
        await dpo.ClickAsync("#facts-save");
        await Assertions.Expect(dpo.Locator("#message")).ToContainTextAsync("Facts saved and the breach assessed again: risk High");
        await Assertions.Expect(dpo.Locator("#facts-flags")).ToContainTextAsync("used for phishing");
        await Assertions.Expect(dpo.Locator("#facts-description")).ToContainTextAsync("look-alike domain");

        await dpo.SelectOptionAsync("#likelihood", "4");
        await dpo.SelectOptionAsync("#severity", "4");
        await dpo.FillAsync("#reasoning", "A diagnosis with a mobile number: phishing that names the practice is likely.");
        await dpo.ClickAsync("#risk-save");
        await Assertions.Expect(dpo.Locator("#risk-reasoning")).ToContainTextAsync("user:dpo");
        await dpo.SelectOptionAsync("#regulator", "yes");
        await dpo.SelectOptionAsync("#individuals", "yes");
        await dpo.FillAsync("#reason", "Health data exposed to an attacker.");
        await dpo.ClickAsync("#decide");
        await Assertions.Expect(dpo.Locator("#decisions")).ToContainTextAsync("notify, by user:dpo");

        await dpo.SelectOptionAsync("#target", "uk-gdpr:regulator");
        await dpo.FillAsync("#reference", "ICO-2026-0042");
        await dpo.ClickAsync("#mark-sent");
        await Assertions.Expect(dpo.Locator("#clock-uk-gdpr-regulator")).ToContainTextAsync("met: sent");
        await Assertions.Expect(dpo.Locator("#clock-uk-gdpr-regulator")).ToContainTextAsync("ICO-2026-0042");
        await Assertions.Expect(dpo.Locator("#clock-gg-dpl-regulator")).ToContainTextAsync("running");

        await dpo.ClickAsync("#draft-view");
        await Assertions.Expect(dpo.Locator("#draft")).ToContainTextAsync("Initial report");
        await BrowserFixture.CheckPageAsync(dpo, "incident-breach");

        var download = await dpo.RunAndWaitForDownloadAsync(() => dpo.ClickAsync("#letters-pdf"));
        Assert.EndsWith("-letters-pdf.zip", download.SuggestedFilename, StringComparison.Ordinal);
        using (var zip = ZipFile.OpenRead(await download.PathAsync()))
        {
            Assert.Single(zip.Entries);
        }

        await dpo.GotoAsync("/incidents/register");
        await Assertions.Expect(dpo.Locator("#register")).ToContainTextAsync("ICO-2026-0042");
        await BrowserFixture.CheckPageAsync(dpo, "breach-register");
    }
}

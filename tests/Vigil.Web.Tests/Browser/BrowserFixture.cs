using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>
/// One <c>vigil serve</c> and one headless Chromium (Debian's, <c>/usr/bin/chromium</c>: apt-get install chromium) for
/// every browser test; each test opens its own context (cookies) and signs in as its own user.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    internal ServeApp App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go, for a person to look at: the test output folder's <c>artifacts/screenshots</c>.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's browser with `apt-get install chromium`");
        Directory.CreateDirectory(Screenshots);
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A new browser context signed in as <paramref name="user"/> (with the current TOTP code when the user has one).</summary>
    public async Task<IPage> SignInAsync(string user)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.FillAsync("#name", user);
        await page.FillAsync("#password", ServeApp.Password);
        if (App.TotpSecrets.ContainsKey(user))
        {
            await page.FillAsync("#code", await App.CodeAsync(user));
        }

        // Wait for the POST's own answer, not just for the URL to leave /signin: Chromium shows an error page (URL
        // chrome-error://...) for an empty error answer, which a URL check alone would take for a signed-in page.
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync("button[type=submit]"),
            static r => r.Request.Method == "POST" && r.Url.Contains("/signin", StringComparison.Ordinal));
        if (answer.Status != 302)
        {
            // Say why the sign-in page refused (its role=alert message), so a failure here is diagnosable.
            await page.WaitForLoadStateAsync();
            var message = await page.Locator("[role=alert]").AllInnerTextsAsync();
            Assert.Fail($"{user}'s sign-in got HTTP {answer.Status} at {page.Url}: '{string.Join(" ", message)}'");
        }

        await Assertions.Expect(page).ToHaveURLAsync(SignedInUrl(), new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>A page of the app other than the sign-in page.</summary>
    /// <remarks>
    /// Checked with <c>Expect(page).ToHaveURLAsync</c>, not <c>page.WaitForURLAsync</c>: the latter can miss the load
    /// event it waits for when the URL already matches (microsoft/playwright-dotnet#3364) and then times out on a
    /// loaded page, which happened in this suite on a busy machine.
    /// </remarks>
    private Regex SignedInUrl() => new($"^{Regex.Escape(App.BaseAddress.ToString())}(?!signin)", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Opens <paramref name="url"/> again until <paramref name="locator"/> finds exactly one element, for up to about 10 s
    /// (detection runs in the background, so an alert shows a moment after its event is ingested).
    /// </summary>
    public static async Task ReloadUntilOneAsync(IPage page, string url, ILocator locator)
    {
        for (var i = 0; i < 50 && await locator.CountAsync() == 0; i++)
        {
            await page.GotoAsync(url);
            await Task.Delay(200);
        }

        await Assertions.Expect(locator).ToHaveCountAsync(1);
    }

    /// <summary>Saves a full-page screenshot and fails on any serious or critical accessibility violation (axe-core).</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });
        var result = await page.RunAxe();
        var bad = result.Violations.Where(static v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{name}: " + string.Join("; ", bad.Select(static v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(static n => n.Target?.ToString()))}")));
    }
}

using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>Settings → Users in Chromium: an admin adds a user, the set-up link opens, the admin disables the user.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UsersBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_admin_adds_a_user_whose_set_up_link_opens_and_then_disables_them()
    {
        var page = await fixture.SignInAsync("ada");
        await page.GotoAsync("/settings");
        await page.ClickAsync("#manage-users");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await page.FillAsync("#new-name", "locum.sam");
        await page.SelectOptionAsync("#new-role", "analyst");
        await page.ClickAsync("button:text('Add user')");
        await Assertions.Expect(page.Locator("#users-message")).ToContainTextAsync("locum.sam added as analyst");
        var link = await page.Locator("#setup-link").InnerTextAsync();
        Assert.Contains("/setup/", link, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#user-locum\\.sam")).ToContainTextAsync("active");
        await BrowserFixture.CheckPageAsync(page, "users");

        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        var setup = await context.NewPageAsync();
        await setup.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(setup.Locator("h1")).ToHaveTextAsync("Set your password");
        await Assertions.Expect(setup.Locator("form")).ToContainTextAsync("locum.sam");
        await BrowserFixture.CheckPageAsync(setup, "setup-user");

        await page.ClickAsync("button[aria-label='Disable: locum.sam']");
        await Assertions.Expect(page.Locator("#users-message")).ToContainTextAsync("locum.sam disabled");
        await Assertions.Expect(page.Locator("#user-locum\\.sam")).ToContainTextAsync("disabled");
        await Assertions.Expect(page.Locator("button[aria-label='Enable: locum.sam']")).ToHaveCountAsync(1);
        await setup.ReloadAsync();
        await Assertions.Expect(setup.Locator("body")).ToContainTextAsync("not valid");
        await context.DisposeAsync();
    }
}

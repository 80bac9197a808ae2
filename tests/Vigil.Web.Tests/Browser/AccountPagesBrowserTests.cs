using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>The sign-in page in Chromium, with axe-core (the pages behind it are checked by the other browser tests).</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccountPagesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_a_sign_in_page_that_passes_the_accessibility_check()
    {
        var anonymous = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        var signIn = await anonymous.NewPageAsync();
        await signIn.GotoAsync("/alerts");
        await Assertions.Expect(signIn).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(signIn.Locator("#password")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(signIn, "signin");
        await anonymous.CloseAsync();
    }

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();
}

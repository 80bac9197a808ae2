using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Vigil.Web.Tests.Browser;

/// <summary>The account pages (sign-in, access denied, authenticator enrolment, sign-out) in Chromium, with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccountPagesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Sign_in_denied_enrolment_and_sign_out_pages_pass_the_accessibility_check_and_signing_out_ends_the_session()
    {
        var anonymous = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseAddress.ToString() });
        var signIn = await anonymous.NewPageAsync();
        await signIn.GotoAsync("/alerts");
        await Assertions.Expect(signIn).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(signIn.Locator("#password")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(signIn, "signin");
        await anonymous.CloseAsync();

        var vic = await fixture.SignInAsync("vic");
        await vic.GotoAsync("/settings");
        await Assertions.Expect(vic).ToHaveURLAsync(DeniedUrl());
        await BrowserFixture.CheckPageAsync(vic, "denied");
        await vic.GotoAsync("/account/totp");
        await Assertions.Expect(vic.Locator("h1")).ToBeVisibleAsync();
        await BrowserFixture.CheckPageAsync(vic, "totp-enrolment");
        await vic.GotoAsync("/signout");
        await BrowserFixture.CheckPageAsync(vic, "signout");
        await vic.Locator("form").First.Locator("button[type=submit]").ClickAsync();
        await vic.GotoAsync("/alerts");
        await Assertions.Expect(vic).ToHaveURLAsync(SignInUrl());
    }

    [GeneratedRegex("/signin")]
    private static partial Regex SignInUrl();

    [GeneratedRegex("/denied")]
    private static partial Regex DeniedUrl();
}

using System.Net;
using System.Text.RegularExpressions;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed partial class EnrolmentTests
{
    [Fact]
    public async Task An_admin_without_an_authenticator_can_do_nothing_but_enrol_and_then_needs_codes()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 100);
        var admin = await host.AddUserAsync("root", Roles.Admin);
        using var client = host.Client();

        using var signIn = await AccessHost.SignInAsync(client, "root");
        Assert.Equal("/account/totp", signIn.Headers.Location?.OriginalString);
        using var blocked = await client.GetAsync($"/probe/{Policies.Administer}");
        Assert.Equal("/account/totp", blocked.Headers.Location?.OriginalString);
        using var bare = await client.GetAsync("/probe/any-role");
        Assert.Equal("/account/totp", bare.Headers.Location?.OriginalString);

        var page = await client.GetStringAsync("/account/totp");
        var secret = OtpNet.Base32Encoding.ToBytes(Secret().Match(page).Groups[1].Value);
        Assert.Contains("otpauth://totp/Vigil:root?secret=", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", page, StringComparison.Ordinal);
        var stored = (await host.Store.Users.GetAsync(admin.Id, CancellationToken.None))!;
        Assert.False(stored.TotpEnrolled);
        Assert.DoesNotContain(Convert.ToHexString(secret), Convert.ToHexString(stored.TotpSecret!), StringComparison.Ordinal);

        using var wrong = await AccessHost.PostFormAsync(client, "/account/totp", "/account/totp", ("Code", "12345"));
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var enrol = await AccessHost.PostFormAsync(client, "/account/totp", "/account/totp", ("Code", TotpCodes.Compute(secret, host.Time.GetUtcNow())));
        Assert.Equal("/", enrol.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/probe/{Policies.Administer}")).StatusCode);

        using var other = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(other, "root")).StatusCode);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("/", (await AccessHost.SignInAsync(other, "root", code: TotpCodes.Compute(secret, host.Time.GetUtcNow()))).Headers.Location?.OriginalString);
        Assert.Contains(await host.Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None), static a => a is { Action: AuditActions.TotpEnrolled, Actor: "user:root" });
    }

    [Fact]
    public async Task The_set_up_link_creates_the_first_admin_once()
    {
        await using var host = await AccessHost.StartAsync();
        using var output = new StringWriter();
        Assert.True(await VigilWeb.IssueSetupLinkIfNeededAsync(host.Store, host.Options, host.Time, output, CancellationToken.None));
        var link = new Uri(SetupLink().Match(output.ToString()).Value);
        using var client = host.Client();

        using var weak = await AccessHost.PostFormAsync(client, link.AbsolutePath, link.AbsolutePath, ("Name", "first"), ("Password", "short"), ("Confirm", "short"));
        Assert.Contains("That password cannot be used", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var created = await AccessHost.PostFormAsync(client, link.AbsolutePath, link.AbsolutePath, ("Name", "first"), ("Password", AccessHost.Password), ("Confirm", AccessHost.Password));
        Assert.Equal("/account/totp", created.Headers.Location?.OriginalString);
        Assert.Equal(Roles.Admin, (await host.Store.Users.FindAsync("first", CancellationToken.None))?.Role);

        using var again = host.Client();
        Assert.Contains("This set-up link is not valid", await again.GetStringAsync(link.AbsolutePath), StringComparison.Ordinal);
        Assert.False(await VigilWeb.IssueSetupLinkIfNeededAsync(host.Store, host.Options, host.Time, output, CancellationToken.None));
        Assert.Contains("This set-up link is not valid", await again.GetStringAsync("/setup/guessed-token"), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"totp-secret\">([A-Z2-7]+)<")]
    private static partial Regex Secret();

    [GeneratedRegex(@"http://127\.0\.0\.1:0/setup/[A-Za-z0-9_-]+")]
    private static partial Regex SetupLink();
}

using System.Net;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed class CsrfTests
{
    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();
        await AccessHost.FormTokenAsync(client, "/signin");

        using var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent([new("Name", "ana"), new("Password", AccessHost.Password)]));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(client, "ana")).StatusCode);
        using var signOut = await client.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        using var forged = await client.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", "forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/probe/{Policies.Read}")).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_browser_does_not_pass()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var attacker = host.Client();
        var attackersToken = await AccessHost.FormTokenAsync(attacker, "/signin");
        using var victim = host.Client();
        await AccessHost.SignInAsync(victim, "ana");

        using var forged = await victim.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", attackersToken)]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}

using System.Net;
using Vigil.Storage.Audit;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed class SignInTests
{
    [Fact]
    public async Task A_password_sign_in_sets_a_strict_http_only_cookie_and_opens_the_roles_pages()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();

        using var signIn = await AccessHost.SignInAsync(client, "ana");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), static c => c.StartsWith("vigil_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/probe/{Policies.Analyse}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/probe/{Policies.Administer}")).StatusCode);
        var audit = await host.Store.Audit.ListAsync(new AuditQuery(), CancellationToken.None);
        Assert.Contains(audit, static a => a is { Action: AuditActions.SignIn, Actor: "user:ana", Ip: "127.0.0.1" });
    }
}

using System.Net;
using Vigil.Storage.Audit;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed class SessionTests
{
    private static readonly string Read = $"/probe/{Policies.Read}";

    [Fact]
    public async Task A_session_idle_longer_than_the_idle_timeout_ends()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.IdleTimeout = TimeSpan.FromMinutes(30));
        await host.AddUserAsync("vi", Roles.Viewer);
        using var client = host.Client();
        await AccessHost.SignInAsync(client, "vi");

        host.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Read)).StatusCode);
        host.Time.Advance(TimeSpan.FromMinutes(31));
        using var expired = await client.GetAsync(Read);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/signin", expired.Headers.Location?.PathAndQuery ?? expired.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_the_absolute_timeout()
    {
        await using var host = await AccessHost.StartAsync(static o =>
        {
            o.Access.IdleTimeout = TimeSpan.FromMinutes(30);
            o.Access.AbsoluteTimeout = TimeSpan.FromHours(1);
        });
        await host.AddUserAsync("vi", Roles.Viewer);
        using var client = host.Client();
        await AccessHost.SignInAsync(client, "vi");

        for (var minutes = 20; minutes < 60; minutes += 20)
        {
            host.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Read)).StatusCode);
        }

        host.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(Read)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_this_session_and_sign_out_everywhere_ends_the_others_at_once()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 100);
        await host.AddUserAsync("ana", Roles.Analyst);
        using var laptop = host.Client();
        using var desktop = host.Client();
        using var tablet = host.Client();
        foreach (var client in new[] { laptop, desktop, tablet })
        {
            await AccessHost.SignInAsync(client, "ana");
        }

        var cookieBefore = laptop.DefaultRequestHeaders.ToString();
        using var signOut = await AccessHost.PostFormAsync(laptop, "/signout", "/signout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync(Read)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desktop.GetAsync(Read)).StatusCode);

        using var everywhere = await AccessHost.PostFormAsync(desktop, "/signout", "/signout?handler=Everywhere");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.GetAsync(Read)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await desktop.GetAsync(Read)).StatusCode);

        var actions = (await host.Store.Audit.ListAsync(new AuditQuery(Actor: "user:ana"), CancellationToken.None)).Select(static a => a.Action).Take(2);
        Assert.Equal([AuditActions.SignOutEverywhere, AuditActions.SignOut], actions);
        Assert.NotNull(cookieBefore);
    }

    [Fact]
    public async Task A_stolen_cookie_replayed_after_sign_out_is_refused()
    {
        await using var host = await AccessHost.StartAsync();
        await host.AddUserAsync("ana", Roles.Analyst);
        var jar = new CookieContainer();
        using var client = host.Client(jar);
        await AccessHost.SignInAsync(client, "ana");
        var stolen = jar.GetCookieHeader(host.BaseAddress);

        await AccessHost.PostFormAsync(client, "/signout", "/signout");
        using var thief = host.Client(new CookieContainer());
        using var request = new HttpRequestMessage(HttpMethod.Get, Read);
        request.Headers.Add("Cookie", stolen);

        Assert.Equal(HttpStatusCode.Redirect, (await thief.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_sessions_within_the_check_interval()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SessionCheckInterval = TimeSpan.FromSeconds(5));
        var user = await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();
        await AccessHost.SignInAsync(client, "ana");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Read)).StatusCode);

        await host.Store.Users.SetRoleAsync(user.Id, Roles.Viewer, host.Time.GetUtcNow(), CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(Read)).StatusCode);
    }
}

using System.Net;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Failed_sign_ins_beyond_the_per_address_limit_get_429()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAddressPerMinute = 3);
        using var client = host.Client();
        var token = await AccessHost.FormTokenAsync(client, "/signin");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync("/signin", new FormUrlEncodedContent([new("Name", $"user{i}"), new("Password", "x"), new("__RequestVerificationToken", token)]));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
    }

    [Fact]
    public async Task Failed_sign_ins_beyond_the_per_account_limit_get_429_whatever_the_password()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 2);
        await host.AddUserAsync("ana", Roles.Analyst);
        using var client = host.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(client, "ana", "wrong one")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(client, "ANA", "wrong two")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AccessHost.SignInAsync(client, "ana")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(client, "someone-else")).StatusCode);
    }

    [Fact]
    public async Task A_whole_practice_signing_in_from_one_address_is_not_refused_while_guessing_from_it_still_is()
    {
        // One address (a practice behind NAT or a reverse proxy) and limits of 2: successful sign-ins do not count.
        await using var host = await AccessHost.StartAsync(static o => (o.Access.SignInPerAddressPerMinute, o.Access.SignInPerAccountPerMinute) = (2, 2));
        var staff = new[] { "reception", "nurse", "gp", "pharmacist", "manager" };
        foreach (var name in staff)
        {
            await host.AddUserAsync(name, Roles.Viewer);
        }

        var statuses = new List<HttpStatusCode>();
        foreach (var name in staff.Concat(["gp", "gp", "gp"]))
        {
            using var client = host.Client();
            statuses.Add((await AccessHost.SignInAsync(client, name)).StatusCode);
        }

        Assert.All(statuses, static s => Assert.Equal(HttpStatusCode.Redirect, s));
        using var guesser = host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(guesser, "nurse", "guess one")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AccessHost.SignInAsync(guesser, "gp", "guess two")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AccessHost.SignInAsync(guesser, "manager")).StatusCode);

        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(guesser, "manager")).StatusCode);
    }
}

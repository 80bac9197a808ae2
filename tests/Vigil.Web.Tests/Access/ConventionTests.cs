using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

/// <summary>
/// Every endpoint the app maps (pages and API, including those added later) is checked: none but sign-in, set-up,
/// static files and health checks is open to anonymous callers, and no role reaches what its row below forbids.
/// </summary>
public sealed class ConventionTests
{
    /// <summary>Routes that may be reached without signing in, and why.</summary>
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "/signin",        // signing in
        "/setup/{token}", // the one-time first-administrator link (the token is the credential)
        "/healthz",       // liveness probe, answers only "ok"
    };

    /// <summary>Static files (served before authorisation, no data in them).</summary>
    private static readonly string[] StaticPrefixes = ["/css/", "/js/", "/img/", "/lib/", "/_content/", "/favicon"];

    /// <summary>Role → the policies it must never satisfy (hence the endpoints that require them).</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        { Roles.Viewer, [Policies.Analyse, Policies.Respond, Policies.RevealPhi, Policies.Administer, Policies.Audit, Scopes.Ingest, Scopes.Metrics] },
        { Roles.Analyst, [Policies.RevealPhi, Policies.Administer, Policies.Audit, Scopes.Ingest, Scopes.Metrics] },
        { Roles.PrivacyOfficer, [Policies.Analyse, Policies.Administer, Scopes.Ingest, Scopes.Metrics] },
        { Roles.Admin, [Policies.Respond, Policies.RevealPhi, Scopes.Ingest, Scopes.Metrics] },
    };

    [Fact]
    public async Task No_endpoint_but_sign_in_set_up_static_files_and_health_allows_anonymous_access()
    {
        await using var host = await AccessHost.StartAsync();
        using var client = host.Client();
        var endpoints = Endpoints(host);
        Assert.Contains(endpoints, static e => e.Route == "/signin");

        foreach (var (route, endpoint) in endpoints)
        {
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var allowed = Anonymous.Contains(route) || StaticPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal));
            Assert.False(open && !allowed, $"{route} ({endpoint.DisplayName}) allows anonymous access");
            if (allowed)
            {
                continue;
            }

            // And in fact: an anonymous request is turned away (401, or a redirect to sign-in for a browser).
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "1");
            foreach (var method in methods.Where(static m => m is "GET" or "POST"))
            {
                using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("") : null });
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/signin", StringComparison.Ordinal));
                Assert.True(refused, $"anonymous {method} {path} got {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_role_reaches_no_endpoint_that_requires_a_policy_it_must_not_have(string role, string[] forbidden)
    {
        await using var host = await AccessHost.StartAsync();
        var authorization = host.Services.GetRequiredService<IAuthorizationService>();
        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "p"), new Claim(ClaimTypes.Role, role)], AccessSchemes.Cookie));
        var checkedAny = false;

        foreach (var (route, endpoint) in Endpoints(host))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Policy).OfType<string>().ToList();
            foreach (var policy in policies.Where(forbidden.Contains))
            {
                checkedAny = true;
                Assert.False((await authorization.AuthorizeAsync(person, policy)).Succeeded, $"{role} reaches {route} (policy {policy})");
            }
        }

        Assert.True(checkedAny);
        foreach (var policy in AccessPolicies.RolesByPolicy.Keys.Except(forbidden))
        {
            Assert.True((await authorization.AuthorizeAsync(person, policy)).Succeeded, $"{role} should satisfy {policy}");
        }
    }

    [Fact]
    public async Task Signed_in_people_are_refused_the_probe_routes_their_role_forbids()
    {
        await using var host = await AccessHost.StartAsync(static o => o.Access.SignInPerAccountPerMinute = 100);
        foreach (var row in Forbidden)
        {
            var (role, forbidden) = ((string)row[0], (string[])row[1]);
            var secret = TotpCodes.NewSecret();
            await host.AddUserAsync(role, role, secret);
            using var client = host.Client();
            host.Time.Advance(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(client, role, code: TotpCodes.Compute(secret, host.Time.GetUtcNow()))).StatusCode);

            foreach (var policy in AccessPolicies.RolesByPolicy.Keys)
            {
                using var response = await client.GetAsync($"/probe/{policy}");
                var expected = forbidden.Contains(policy) ? HttpStatusCode.Redirect : HttpStatusCode.OK;
                Assert.True(expected == response.StatusCode, $"{role} GET /probe/{policy}: {(int)response.StatusCode}");
                if (expected == HttpStatusCode.Redirect)
                {
                    Assert.Equal("/denied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString.Split('?')[0]);
                }
            }

            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/metrics")).StatusCode);
        }
    }

    [Fact]
    public async Task Token_scopes_grant_their_policies_and_no_scope_reveals_patient_data()
    {
        await using var host = await AccessHost.StartAsync();
        var (_, read) = await host.Store.Tokens.CreateAsync("dashboards", [Scopes.Read], host.Time.GetUtcNow(), CancellationToken.None);
        var (_, all) = await host.Store.Tokens.CreateAsync("everything", [.. Scopes.All], host.Time.GetUtcNow(), CancellationToken.None);
        using var client = host.Client();

        async Task<HttpStatusCode> Get(string token, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new("Bearer", token);
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Get(read, $"/probe/{Policies.Read}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(read, $"/probe/{Policies.Analyse}"));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(read, "/metrics"));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(all, $"/probe/{Policies.RevealPhi}"));
        Assert.Equal(HttpStatusCode.OK, await Get(all, $"/probe/{Policies.Administer}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("vgl_nothing_x", $"/probe/{Policies.Read}"));
    }

    private static List<(string Route, RouteEndpoint Endpoint)> Endpoints(AccessHost host)
        => [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(static e => ("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e))];
}

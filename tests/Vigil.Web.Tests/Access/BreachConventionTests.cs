using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

/// <summary>The evidence and breach routes name the policy docs/web-breach.md gives them (the convention tests then hold every role to it).</summary>
public sealed class BreachConventionTests
{
    private static readonly (string Route, string Policy)[] Routes =
    [
        ("/incidents/{id:long}/evidence", Policies.Respond),
        ("/incidents/{id:long}/evidence/upload", Policies.Respond),
        ("/incidents/{id:long}/breach", Policies.Respond),
        ("/incidents/register", Policies.Respond),
        ("/api/v1/incidents/{id:long}/evidence/", Policies.Respond),
        ("/api/v1/incidents/{id:long}/evidence/{evidenceId:long}/content", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/evidence/verify", Policies.Respond),
        ("/api/v1/incidents/{id:long}/breach/", Policies.Respond),
        ("/api/v1/incidents/{id:long}/breach/scope", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/breach/risk", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/breach/decision", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/breach/facts", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/breach/notifications", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/documents/regulator", Policies.RevealPhi),
        ("/api/v1/incidents/{id:long}/documents/letters", Policies.RevealPhi),
        ("/api/v1/breach-register", Policies.Respond),
    ];

    [Fact]
    public async Task Each_evidence_and_breach_route_requires_its_policy()
    {
        await using var host = await AccessHost.StartAsync();
        var all = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        foreach (var (route, policy) in Routes)
        {
            var endpoints = all.Where(e => ("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')).TrimEnd('/') == route.TrimEnd('/')).ToList();
            Assert.True(endpoints.Count > 0, $"{route} is not mapped");
            Assert.All(endpoints, e => Assert.Contains(policy, e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Policy)));
        }
    }
}

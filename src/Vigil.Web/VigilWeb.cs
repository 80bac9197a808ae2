using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring;
using Vigil.Web.Api;
using Vigil.Web.Auth;
using Vigil.Web.Pages;

namespace Vigil.Web;

/// <summary>Registers and maps Vigil's HTTP API.</summary>
/// <remarks>
/// Every route requires a token with the route's scope, except <c>/healthz</c>, which answers only "ok" and is open so
/// that a supervisor can probe liveness without a secret (it reveals nothing but that the process runs).
/// </remarks>
public static class VigilWeb
{
    /// <summary>Adds authentication by bearer token and one authorisation policy per scope.</summary>
    public static IServiceCollection AddVigilWeb(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton(options);
        services.AddProblemDetails();
        services.AddVigilPages();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Scopes.Ingest, p => p.RequireClaim("scope", Scopes.Ingest))
            .AddPolicy(Scopes.Metrics, p => p.RequireClaim("scope", Scopes.Metrics));
        return services;
    }

    /// <summary>Maps <c>/api/v1/events</c>, <c>/metrics</c> and <c>/healthz</c>.</summary>
    public static IEndpointRouteBuilder MapVigilApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestEndpoint.HandleAsync).RequireAuthorization(Scopes.Ingest);
        app.MapGet("/metrics", MetricsEndpoint.Handle).RequireAuthorization(Scopes.Metrics);
        app.MapGet("/healthz", static () => TypedResults.Text("ok")).AllowAnonymous();
        app.MapVigilPages();
        return app;
    }
}

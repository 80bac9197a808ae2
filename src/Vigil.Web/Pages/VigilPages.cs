using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Web.Api;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages;

/// <summary>Registers and maps the web app's API under <c>/api/v1</c>, the OpenAPI document and static files (Razor Pages are mapped by <see cref="VigilWeb"/>).</summary>
internal static class VigilPages
{
    public static IServiceCollection AddVigilPages(this IServiceCollection services)
    {
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Vigil API";
            document.Info.Description = "Authenticate with Authorization: Bearer vgl_... (a token with the route's scope) or a signed-in session.";
            document.Servers?.Clear(); // relative to wherever it was fetched from, so one cached copy serves every host name

            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapVigilPages(this IEndpointRouteBuilder app)
    {
        StaticAssets.Map(app);
        AlertsApi.Map(app);
        EventsApi.Map(app);
        TokensApi.Map(app);
        Api.Users.UsersApi.Map(app);
        OverviewApi.Map(app);
        Api.Incidents.IncidentsApi.Map(app);
        Api.Rules.RulesApi.Map(app);
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        return app;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Web.Api;

/// <summary><c>GET /api/v1/overview</c>: the Overview page's figures.</summary>
internal static class OverviewApi
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapGet("/api/v1/overview", GetAsync).RequireAuthorization(Policies.Read).WithTags("Overview")
            .WithSummary("Active alerts by severity, alerts raised per day (14 days), events per hour per source (24 hours), listener errors, open and overdue vulnerability findings with the riskiest five, PHI exposure of the latest finished discovery scans (counts only), open incidents by status.");

    private static async Task<Ok<OverviewData>> GetAsync(IVigilStore store, TimeProvider time, CancellationToken ct)
        => TypedResults.Ok(await OverviewData.LoadAsync(store, time.GetUtcNow(), ct).ConfigureAwait(false));
}

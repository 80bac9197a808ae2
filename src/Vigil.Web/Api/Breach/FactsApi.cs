using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Breach;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Api.Breach;

/// <summary><c>PUT /api/v1/incidents/{id}/breach/facts</c>: privacy officers replace the breach facts; the breach is assessed again (audited).</summary>
internal static class FactsApi
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapPut("/api/v1/incidents/{id:long}/breach/facts", PutAsync).RequireAuthorization(Policies.RevealPhi).WithTags("Breach")
            .WithSummary("Replace the breach facts (absent fields take their defaults) and assess the breach again; 400 names each wrong field (privacy officers).");

    private static async Task<Results<Ok<BreachAssessment>, NotFound, ValidationProblem, ProblemHttpResult>> PutAsync(HttpContext http, BreachWork work, long id, BreachFactsInput body)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return TypedResults.NotFound();
        }

        var (assessment, errors, changed, _) = await work.RecordFactsAsync(incident, body ?? new BreachFactsInput(), HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(static e => e.Key, static e => new[] { e.Value }), detail: "Some breach facts are wrong: see errors.");
        }

        if (assessment is null)
        {
            return TypedResults.Problem("not assessed yet: scope the breach first", statusCode: StatusCodes.Status409Conflict);
        }

        await http.AuditAsync(BreachAudit.FactsChanged, BreachAudit.Target(id), BreachWork.FactsAuditDetail(changed, assessment)).ConfigureAwait(false);
        return TypedResults.Ok(assessment);
    }
}

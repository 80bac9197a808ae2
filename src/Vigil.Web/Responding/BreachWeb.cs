using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Responding;

/// <summary>Maps the evidence and breach API and the evidence page's upload form (pages are Razor Pages under <c>/incidents</c>).</summary>
internal static class BreachWeb
{
    public static void Map(IEndpointRouteBuilder app)
    {
        Api.Breach.EvidenceApi.Map(app);
        Api.Breach.BreachApi.Map(app);
        Api.Breach.FactsApi.Map(app);
        app.MapPost("/incidents/{id:long}/evidence/upload", UploadFormAsync).RequireAuthorization(Policies.Respond).DisableAntiforgery().ExcludeFromDescription();
    }

    /// <summary>The evidence page's form: the antiforgery token (first part) is checked before the file is streamed in; back to the page with the outcome.</summary>
    private static async Task<IResult> UploadFormAsync(HttpContext http, BreachWork work, long id)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var (item, status, _) = await work.UploadAsync(http, id, HttpAudit.Actor(http.User), antiforgery: true).ConfigureAwait(false);
        if (item is null)
        {
            return TypedResults.Redirect($"/incidents/{id}/evidence?failed={status.ToString(CultureInfo.InvariantCulture)}");
        }

        await http.AuditAsync(BreachAudit.EvidenceAdded, BreachAudit.Target(id), $"evidence {item.Id}, {item.Length} bytes, sha256 {item.Sha256}").ConfigureAwait(false);
        return TypedResults.Redirect($"/incidents/{id}/evidence?added={item.Id.ToString(CultureInfo.InvariantCulture)}");
    }
}

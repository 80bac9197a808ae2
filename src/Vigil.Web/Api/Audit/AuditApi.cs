using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage.Audit;
using Vigil.Web.Auth;

namespace Vigil.Web.Api.Audit;

/// <summary><c>/api/v1/audit</c>: the audit log newest first, and the chain's verification (admins and privacy officers, or an audit token).</summary>
internal static class AuditApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Audit);
        audit.MapGet("", ListAsync).WithSummary("Audit entries newest first (actor=, action=, from=, to= as ISO 8601 or 24h/7d; keyset: before=ID; limit= up to 500).");
        audit.MapGet("/verify", VerifyAsync).WithSummary(
            "Verify the hash chain: the entries appended since the last verification (full=true: the whole chain); intact with the head hash and count, or the first broken entry.");
    }

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAsync(
        IAuditLog log, TimeProvider time, string? actor, string? action, string? from, string? to, long? before, int? limit, CancellationToken ct)
    {
        if (AuditFilter.Parse(actor, action, from, to, before, limit, time.GetUtcNow(), out var error) is not { } filter)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await filter.ReadAsync(log, ct).ConfigureAwait(false));
    }

    private static async Task<Ok<AuditChainStatus>> VerifyAsync(AuditChainMonitor monitor, bool? full, CancellationToken ct)
        => TypedResults.Ok(await monitor.CheckAsync(full == true, ct).ConfigureAwait(false));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Tokens;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Api;

/// <summary><c>/api/v1/tokens</c>: list, create (the secret is answered once) and revoke API tokens (admins).</summary>
internal static class TokensApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Policies.Administer);
        tokens.MapGet("", ListAsync).WithSummary("Every token, revoked ones included (never a secret).");
        tokens.MapPost("", CreateAsync).WithSummary("Create a token; the answer holds its secret, shown only this once.");
        tokens.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke a token.");
    }

    /// <summary>Why a token request is refused, or null.</summary>
    public static string? Check(string? name, IReadOnlyList<string>? scopes)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return "name: 1 to 100 characters";
        }

        if (scopes is null || scopes.Count == 0 || scopes.Any(s => !Scopes.All.Contains(s)))
        {
            return $"scopes: one or more of {string.Join(", ", Scopes.All)}";
        }

        return null;
    }

    private static async Task<Ok<IReadOnlyList<ApiToken>>> ListAsync(IVigilStore store, CancellationToken ct)
        => TypedResults.Ok(await store.Tokens.ListAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<TokenCreated>, ProblemHttpResult>> CreateAsync(HttpContext http, IVigilStore store, TimeProvider time, TokenRequest body, CancellationToken ct)
    {
        if (Check(body.Name, body.Scopes) is { } error)
        {
            return TypedResults.Problem(error, statusCode: 400);
        }

        var (token, secret) = await store.Tokens.CreateAsync(body.Name.Trim(), [.. body.Scopes.Distinct(StringComparer.Ordinal)], time.GetUtcNow(), ct).ConfigureAwait(false);
        await http.AuditAsync(AuditActions.TokenCreated, token.Id, string.Join(' ', token.Scopes)).ConfigureAwait(false);
        return TypedResults.Ok(new TokenCreated(token.Id, token.Name, token.Scopes, secret));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeAsync(HttpContext http, IVigilStore store, TimeProvider time, string id, CancellationToken ct)
    {
        if (!await store.Tokens.RevokeAsync(id, time.GetUtcNow(), ct).ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        await http.AuditAsync(AuditActions.TokenRevoked, id).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}

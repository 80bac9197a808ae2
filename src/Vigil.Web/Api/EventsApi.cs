using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Web.Api;

/// <summary><c>GET /api/v1/events/search</c>: the Events page's search (event content, so analysts only).</summary>
internal static class EventsApi
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapGet("/api/v1/events/search", SearchAsync).RequireAuthorization(Policies.Analyse).WithTags("Events")
            .WithSummary("Events newest first: from and to (ISO 8601 or an age: 90m, 24h, 7d), sourceType, field=name=value or field=name~value (repeat), after (cursor), limit.");

    private static async Task<Results<Ok<EventPageAnswer>, ProblemHttpResult>> SearchAsync(
        IVigilStore store, TimeProvider time, string? from, string? to, string? sourceType, string[]? field, string? after, int? limit, CancellationToken ct)
    {
        var (query, error) = EventSearchInput.Parse(from, to, sourceType, field ?? [], after, limit ?? 50, time.GetUtcNow());
        if (query is null)
        {
            return TypedResults.Problem(error, statusCode: 400);
        }

        var page = await store.Insights.BrowseAsync(query, ct).ConfigureAwait(false);
        return TypedResults.Ok(new EventPageAnswer([.. page.Events.Select(EventItem.From)], page.Next?.ToString(), page.Scanned));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Api;

/// <summary><c>/api/v1/alerts</c>: list, detail, acknowledge, assign, comment, close (what the Alerts pages do).</summary>
internal static class AlertsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        alerts.MapGet("", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Alerts, newest first; filter by status (open, acknowledged, closed-true-positive, closed-false-positive, active), minLevel, rule, assignee; page with before.");
        alerts.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Read).WithSummary("One alert with its rule, ATT&CK techniques, history and event ids.");
        alerts.MapPost("/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.Analyse).WithSummary("Acknowledge an alert.");
        alerts.MapPost("/{id:long}/assign", AssignAsync).RequireAuthorization(Policies.Analyse).WithSummary("Assign an alert to a user (empty to unassign).");
        alerts.MapPost("/{id:long}/comments", CommentAsync).RequireAuthorization(Policies.Analyse).WithSummary("Comment on an alert.");
        alerts.MapPost("/{id:long}/close", CloseAsync).RequireAuthorization(Policies.Analyse).WithSummary("Close an alert as true-positive or false-positive.");
    }

    private static async Task<Results<Ok<AlertPageAnswer>, ProblemHttpResult>> ListAsync(
        IVigilStore store, string? status, string? minLevel, string? rule, string? assignee, long? before, int? limit, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(status) && status != "active" && !AlertStatuses.IsKnown(status))
        {
            return TypedResults.Problem($"status: use active or {string.Join(", ", AlertStatuses.All)}", statusCode: 400);
        }

        var size = Math.Clamp(limit ?? 50, 1, 500);
        var page = await store.AlertWorkflow.PageAsync(new AlertPageQuery(status, minLevel, rule, assignee, before, size), ct).ConfigureAwait(false);
        return TypedResults.Ok(new AlertPageAnswer([.. page.Select(AlertItem.From)], page.Count == size ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<AlertDetailAnswer>, NotFound>> GetAsync(IVigilStore store, long id, CancellationToken ct)
    {
        if (await store.Alerts.GetAsync(id, ct).ConfigureAwait(false) is not { } alert)
        {
            return TypedResults.NotFound();
        }

        var activity = await store.AlertWorkflow.ActivityAsync(id, ct).ConfigureAwait(false);
        return TypedResults.Ok(new AlertDetailAnswer(AlertItem.From(alert), RuleMetadata.Parse(alert.Details), activity, alert.EventIds));
    }

    private static Task<Results<NoContent, NotFound, ProblemHttpResult>> AcknowledgeAsync(HttpContext http, IVigilStore store, TimeProvider time, ClaimsPrincipal user, long id, CancellationToken ct)
        => Done(http, id, AlertStatuses.Acknowledged, store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.Acknowledged, HttpAudit.Actor(user), time.GetUtcNow(), ct));

    private static Task<Results<NoContent, NotFound, ProblemHttpResult>> AssignAsync(HttpContext http, IVigilStore store, TimeProvider time, ClaimsPrincipal user, long id, AssignRequest body, CancellationToken ct)
        => body.Assignee is { Length: > 100 }
            ? Task.FromResult<Results<NoContent, NotFound, ProblemHttpResult>>(TypedResults.Problem("assignee: at most 100 characters", statusCode: 400))
            : Done(http, id, "assigned", store.AlertWorkflow.AssignAsync(id, body.Assignee, HttpAudit.Actor(user), time.GetUtcNow(), ct));

    private static Task<Results<NoContent, NotFound, ProblemHttpResult>> CommentAsync(HttpContext http, IVigilStore store, TimeProvider time, ClaimsPrincipal user, long id, CommentRequest body, CancellationToken ct)
        => string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 4000
            ? Task.FromResult<Results<NoContent, NotFound, ProblemHttpResult>>(TypedResults.Problem("text: 1 to 4,000 characters", statusCode: 400))
            : Done(http, id, "commented", store.AlertWorkflow.CommentAsync(id, body.Text.Trim(), HttpAudit.Actor(user), time.GetUtcNow(), ct));

    private static Task<Results<NoContent, NotFound, ProblemHttpResult>> CloseAsync(HttpContext http, IVigilStore store, TimeProvider time, ClaimsPrincipal user, long id, CloseRequest body, CancellationToken ct)
        => body.Verdict switch
        {
            "true-positive" => Done(http, id, AlertStatuses.ClosedTruePositive, store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.ClosedTruePositive, HttpAudit.Actor(user), time.GetUtcNow(), ct)),
            "false-positive" => Done(http, id, AlertStatuses.ClosedFalsePositive, store.AlertWorkflow.SetStatusAsync(id, AlertStatuses.ClosedFalsePositive, HttpAudit.Actor(user), time.GetUtcNow(), ct)),
            _ => Task.FromResult<Results<NoContent, NotFound, ProblemHttpResult>>(TypedResults.Problem("verdict: true-positive or false-positive", statusCode: 400)),
        };

    /// <summary>Answers a change, recording it in the audit log (what was done, never a comment's text).</summary>
    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Done(HttpContext http, long id, string what, Task<bool> change)
    {
        if (!await change.ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        await http.AuditAsync(AlertAudit.Action, AlertAudit.Target(id), what).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}

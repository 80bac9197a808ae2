using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Rules;

namespace Vigil.Web.Api.Rules;

/// <summary><c>/api/v1/rules</c>: list, detail, enable, disable, test, upload, delete, load errors (what the Rules pages do).</summary>
internal static class RulesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/rules").WithTags("Rules").RequireAuthorization(Policies.Analyse);
        rules.MapGet("", ListAsync).WithSummary("Rules by pack then title; filter by pack, level, status, enabled, q (title, id or tag contains); page from 1, limit up to 500.");
        rules.MapGet("/errors", Errors).WithSummary("The packs with their counts (loaded, disabled, failed) and every rule that failed to load, with file, place and reason.");
        rules.MapGet("/{id}", GetAsync).WithSummary("One rule: description, ATT&CK, YAML, alerts raised, last change of its state.");
        rules.MapPost("/{id}/enable", (HttpContext http, IVigilStore store, RuleCatalog catalog, TimeProvider time, ClaimsPrincipal user, string id, RuleStateRequest? body, CancellationToken ct)
            => SetAsync(http, store, catalog, time, user, id, true, body, ct)).WithSummary("Enable a rule in live detection (applied within seconds, kept across restarts).");
        rules.MapPost("/{id}/disable", (HttpContext http, IVigilStore store, RuleCatalog catalog, TimeProvider time, ClaimsPrincipal user, string id, RuleStateRequest? body, CancellationToken ct)
            => SetAsync(http, store, catalog, time, user, id, false, body, ct)).WithSummary("Disable a rule in live detection: its detections raise no alert.");
        rules.MapPost("/test", TestAsync).Accepts<RuleYamlRequest>("application/json", "application/yaml", "text/plain")
            .WithSummary("Run a Sigma rule over the last 24 hours of stored events (at most 100,000): how many matched and the first 20.");
        rules.MapPost("", UploadAsync).Accepts<RuleYamlRequest>("application/json", "application/yaml", "text/plain")
            .WithSummary("Upload a Sigma rule (one detection rule, at most 64 KB); enable=true runs it in live detection at once.");
        rules.MapDelete("/{id}", DeleteAsync).WithSummary("Delete an uploaded rule (rules from folders can only be disabled).");
    }

    private static async Task<Results<Ok<RuleListAnswer>, ProblemHttpResult>> ListAsync(
        IVigilStore store, RuleCatalog catalog, string? pack, string? level, string? status, bool? enabled, string? q, int? page, int? limit, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(level) && !Pages.Display.Levels.Contains(level))
        {
            return TypedResults.Problem($"level: one of {string.Join(", ", Pages.Display.Levels)}", statusCode: 400);
        }

        var result = catalog.Query(new RuleQuery(pack, level, status, enabled, q, page ?? 1, Math.Clamp(limit ?? 50, 1, 500)));
        var stats = await store.Rules.AlertStatsAsync([.. result.Rows.Select(static r => r.Entry.Info.Id)], ct).ConfigureAwait(false);
        return TypedResults.Ok(new RuleListAnswer([.. result.Rows.Select(r => RuleItem.From(r, stats))], result.Total, result.Page, result.PageSize, result.HasNext ? result.Page + 1 : null));
    }

    private static Ok<RuleErrorsAnswer> Errors(RuleCatalog catalog) => TypedResults.Ok(new RuleErrorsAnswer(catalog.Packs(), catalog.Errors()));

    private static async Task<Results<Ok<RuleDetailAnswer>, NotFound>> GetAsync(IVigilStore store, RuleCatalog catalog, string id, CancellationToken ct)
    {
        if (catalog.Get(id) is not { } row)
        {
            return TypedResults.NotFound();
        }

        var stats = await store.Rules.AlertStatsAsync([id], ct).ConfigureAwait(false);
        var info = row.Entry.Info;
        var attack = RuleMetadata.Parse(JsonSerializer.Serialize(new { tags = info.Tags }));
        var yaml = await catalog.YamlAsync(row.Entry, ct).ConfigureAwait(false);
        return TypedResults.Ok(new RuleDetailAnswer(RuleItem.From(row, stats), info.Description, info.Author, attack.Techniques, attack.Tactics, yaml, row.State?.ChangedBy, row.State?.ChangedAt, row.State?.Reason));
    }

    private static async Task<Results<Ok<RuleItem>, NotFound, ProblemHttpResult>> SetAsync(
        HttpContext http, IVigilStore store, RuleCatalog catalog, TimeProvider time, ClaimsPrincipal user, string id, bool enabled, RuleStateRequest? body, CancellationToken ct)
    {
        if (body?.Reason is { Length: > 500 })
        {
            return TypedResults.Problem("reason: at most 500 characters", statusCode: 400);
        }

        if (await catalog.SetEnabledAsync(store, id, enabled, HttpAudit.Actor(user), body?.Reason, time.GetUtcNow(), ct).ConfigureAwait(false) is not { } row)
        {
            return TypedResults.NotFound();
        }

        await http.AuditAsync(RuleAudit.Action, RuleAudit.Target(id), enabled ? "enabled" : "disabled").ConfigureAwait(false);
        return TypedResults.Ok(RuleItem.From(row, new Dictionary<string, Storage.Rules.RuleAlertStats>()));
    }

    private static async Task<IResult> TestAsync(HttpContext http, IVigilStore store, RuleCatalog catalog, TimeProvider time, CancellationToken ct)
    {
        var (body, error) = await ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var result = await catalog.TestAsync(store, body!.Yaml, time.GetUtcNow(), ct).ConfigureAwait(false);
        return result.Errors.Count > 0
            ? TypedResults.Problem(Describe(result.Errors), statusCode: 400, extensions: new Dictionary<string, object?> { ["errors"] = result.Errors })
            : TypedResults.Ok(new RuleTestAnswer(result.Scanned, result.Matched, result.Capped, [.. result.First.Select(EventItem.From)], []));
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IVigilStore store, RuleCatalog catalog, TimeProvider time, ClaimsPrincipal user, bool? enable, CancellationToken ct)
    {
        var (body, error) = await ReadAsync(http.Request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var outcome = await catalog.UploadAsync(store, body!.Yaml, body.Enable || enable == true, HttpAudit.Actor(user), time.GetUtcNow(), ct).ConfigureAwait(false);
        if (outcome.Errors.Count > 0)
        {
            return TypedResults.Problem(Describe(outcome.Errors), statusCode: 400, extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
        }

        if (outcome.Conflict is not null)
        {
            return TypedResults.Problem(outcome.Conflict, statusCode: 409);
        }

        var row = outcome.Row!;
        await http.AuditAsync(RuleAudit.Action, RuleAudit.Target(row.Entry.Info.Id), row.Enabled ? "uploaded, enabled" : "uploaded, disabled").ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/rules/{Uri.EscapeDataString(row.Entry.Info.Id)}", RuleItem.From(row, new Dictionary<string, Storage.Rules.RuleAlertStats>()));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(HttpContext http, IVigilStore store, RuleCatalog catalog, string id, CancellationToken ct)
    {
        switch (await catalog.DeleteAsync(store, id, ct).ConfigureAwait(false))
        {
            case RuleDeleteOutcome.NotFound:
                return TypedResults.NotFound();
            case RuleDeleteOutcome.NotUploaded:
                return TypedResults.Problem("only uploaded rules can be deleted; disable a rule from a rules folder instead", statusCode: 409);
            default:
                await http.AuditAsync(RuleAudit.Action, RuleAudit.Target(id), "deleted").ConfigureAwait(false);
                return TypedResults.NoContent();
        }
    }

    /// <summary>One line for the problem's title; the full list is in its <c>errors</c> extension.</summary>
    public static string Describe(IReadOnlyList<RuleLoadError> errors)
        => string.Join("; ", errors.Take(5).Select(static e => e.Location.Length == 0 ? e.Reason : $"{e.Location}: {e.Reason}"));

    /// <summary>The body: JSON <see cref="RuleYamlRequest"/>, or the YAML itself; larger than the limit is 413, never read whole.</summary>
    private static async Task<(RuleYamlRequest? Body, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var json = request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        // JSON escapes make the text longer: allow it four times the YAML limit, then check the YAML itself.
        var limit = json ? RuleCatalog.MaxYamlBytes * 4 : RuleCatalog.MaxYamlBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > limit)
            {
                return (null, TooLarge());
            }
        }

        if (!json)
        {
            return (new RuleYamlRequest(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)), null);
        }

        try
        {
            var body = JsonSerializer.Deserialize<RuleYamlRequest>(buffer.ToArray(), JsonSerializerOptions.Web);
            return body is null ? (null, TypedResults.Problem("body: a JSON object with yaml", statusCode: 400))
                : Encoding.UTF8.GetByteCount(body.Yaml ?? "") > RuleCatalog.MaxYamlBytes ? (null, TooLarge())
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem("body: not valid JSON (send {\"yaml\": \"...\"} or the YAML itself as application/yaml)", statusCode: 400));
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem($"yaml: a rule may be at most {RuleCatalog.MaxYamlBytes / 1024} KB", statusCode: StatusCodes.Status413PayloadTooLarge);
}

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Storage.Discovery;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Discovery;

namespace Vigil.Web.Api.Discovery;

/// <summary>
/// <c>/api/v1/discovery</c>: PHI scans on the server. Everyone who may read sees masked results; only a privacy
/// officer (signed in: tokens never reveal) starts scans and reveals values, and every reveal or refused reveal is audited.
/// </summary>
internal static class DiscoveryApi
{
    public const int MaxLimit = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        var scans = app.MapGroup("/api/v1/discovery/scans").WithTags("Data discovery");
        scans.MapGet("", ListAsync).RequireAuthorization(Policies.Read).WithSummary("Scans, newest first (keyset: before=ID).");
        scans.MapPost("", StartAsync).RequireAuthorization(Policies.RevealPhi).WithSummary("Start a scan of a file or folder under an allowed root (privacy officers).");
        scans.MapGet("/{id:long}", GetAsync).RequireAuthorization(Policies.Read).WithSummary("One scan: status, progress, totals by category and type.");
        scans.MapGet("/{id:long}/subjects", SubjectsAsync).RequireAuthorization(Policies.Read).WithSummary("Data subjects, masked (keyset: after=SEQ).");
        scans.MapGet("/{id:long}/items", ItemsAsync).RequireAuthorization(Policies.Read).WithSummary("Items riskiest first, masked (keyset: after=SCORE-SEQ).");
        scans.MapGet("/{id:long}/items/{seq:long}", ItemAsync).RequireAuthorization(Policies.Read).WithSummary("One item with its masked findings.");
        scans.MapPost("/{id:long}/items/{seq:long}/reveal", RevealAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Read the item again from its file and show its values (privacy officers; audited; 403 and audited for anyone else).");
    }

    /// <summary>Parses an item cursor <c>SCORE-SEQ</c>; null for none or a malformed one.</summary>
    public static PhiItemCursor? ParseCursor(string? text)
    {
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        return dash > 0
            && int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var score)
            && long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? new PhiItemCursor(score, seq)
            : null;
    }

    /// <summary>The cursor after <paramref name="item"/>.</summary>
    public static string Cursor(PhiItemRecord item) => string.Create(CultureInfo.InvariantCulture, $"{item.Score}-{item.Seq}");

    private static int Limit(int? limit) => Math.Clamp(limit ?? 50, 1, MaxLimit);

    private static async Task<Ok<ScanPage>> ListAsync(IVigilStore store, DiscoveryScans scans, long? before, int? limit, CancellationToken ct)
    {
        var rows = await store.PhiScans.ListAsync(before, Limit(limit), ct).ConfigureAwait(false);
        return TypedResults.Ok(new ScanPage([.. rows.Select(r => ScanAnswer.From(r, scans))], rows.Count == Limit(limit) ? rows[^1].Id : null));
    }

    private static async Task<Results<Accepted<ScanAnswer>, ProblemHttpResult>> StartAsync(HttpContext http, IVigilStore store, DiscoveryScans scans, StartScanRequest body, CancellationToken ct)
    {
        var (id, error) = await scans.StartAsync(body?.Path, HttpAudit.Actor(http.User), ct).ConfigureAwait(false);
        if (id is not { } scanId)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        await http.AuditAsync(DiscoveryAudit.ScanStarted, DiscoveryAudit.ScanTarget(scanId)).ConfigureAwait(false);
        var scan = await store.PhiScans.GetAsync(scanId, ct).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/v1/discovery/scans/{scanId}", ScanAnswer.From(scan!, scans));
    }

    private static async Task<Results<Ok<ScanAnswer>, NotFound>> GetAsync(IVigilStore store, DiscoveryScans scans, long id, CancellationToken ct)
        => await store.PhiScans.GetAsync(id, ct).ConfigureAwait(false) is { } scan ? TypedResults.Ok(ScanAnswer.From(scan, scans)) : TypedResults.NotFound();

    private static async Task<Ok<SubjectPage>> SubjectsAsync(IVigilStore store, long id, long? after, int? limit, CancellationToken ct)
    {
        var rows = await store.PhiScans.SubjectsAsync(id, after ?? 0, Limit(limit), ct).ConfigureAwait(false);
        return TypedResults.Ok(new SubjectPage(rows, rows.Count == Limit(limit) ? rows[^1].Seq : null));
    }

    private static async Task<Results<Ok<ItemPage>, ProblemHttpResult>> ItemsAsync(IVigilStore store, long id, string? after, int? limit, CancellationToken ct)
    {
        var cursor = ParseCursor(after);
        if (!string.IsNullOrEmpty(after) && cursor is null)
        {
            return TypedResults.Problem("after: use the next value of the previous page (SCORE-SEQ)", statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = await store.PhiScans.ItemsAsync(id, cursor, Limit(limit), ct).ConfigureAwait(false);
        return TypedResults.Ok(new ItemPage(rows, rows.Count == Limit(limit) ? Cursor(rows[^1]) : null));
    }

    private static async Task<Results<Ok<ItemAnswer>, NotFound>> ItemAsync(IVigilStore store, long id, long seq, CancellationToken ct)
    {
        if (await store.PhiScans.GetItemAsync(id, seq, ct).ConfigureAwait(false) is not { } item)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ItemAnswer(item, await store.PhiScans.FindingsAsync(id, seq, ct).ConfigureAwait(false)));
    }

    private static async Task<Results<Ok<RevealAnswer>, NotFound, StatusCodeHttpResult>> RevealAsync(HttpContext http, long id, long seq, CancellationToken ct)
    {
        var (status, item, outcome) = await RevealRequest.HandleAsync(http, id, seq, ct).ConfigureAwait(false);
        return status switch
        {
            StatusCodes.Status403Forbidden => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            StatusCodes.Status404NotFound => TypedResults.NotFound(),
            _ => TypedResults.Ok(new RevealAnswer(id, seq, item!.ItemId, outcome!.Values, outcome.Error)),
        };
    }
}

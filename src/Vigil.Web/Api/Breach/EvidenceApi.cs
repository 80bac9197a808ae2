using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Evidence;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Api.Breach;

/// <summary><c>/api/v1/incidents/{id}/evidence</c>: upload (multipart, streamed), list, custody log, download, transfer, verify (analysts and privacy officers).</summary>
internal static class EvidenceApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/api/v1/incidents/{id:long}/evidence").WithTags("Evidence").RequireAuthorization(Policies.Respond);
        evidence.MapGet("", ListAsync).WithSummary("The incident's evidence with SHA-256 hashes, in intake order.");
        evidence.MapPost("", UploadAsync).DisableAntiforgery().WithSummary("Upload a file (multipart/form-data, part 'file'): streamed, hashed and encrypted; size limit http:breach:maxEvidenceBytes.");
        evidence.MapGet("/custody", CustodyAsync).WithSummary("The incident's custody log, in sequence order.");
        // The decrypted file may be a mailbox export full of patient data: privacy officers only (reveal-phi), never a token.
        evidence.MapGet("/{evidenceId:long}/content", DownloadAsync).RequireAuthorization(Policies.RevealPhi)
            .WithSummary("Download an item (decrypted, hash checked; privacy officers only); custody entry 'export' and an audit entry.");
        evidence.MapPost("/{evidenceId:long}/transfers", TransferAsync).WithSummary("Record that the item was handed to a recipient (custody entry 'transfer').");
        evidence.MapPost("/verify", VerifyAsync).WithSummary("Verify this incident: decrypt and re-hash its files, open its sealed documents, walk the custody chain (every file of the store: vigil evidence verify).");
    }

    private static async Task<Results<Ok<IReadOnlyList<EvidenceItem>>, NotFound>> ListAsync(BreachWork work, long id, CancellationToken ct)
        => await work.IncidentAsync(id, ct).ConfigureAwait(false) is null ? TypedResults.NotFound() : TypedResults.Ok(await work.Store.Evidence.ListAsync(id, ct).ConfigureAwait(false));

    private static async Task<Results<Ok<IReadOnlyList<CustodyEntry>>, NotFound>> CustodyAsync(BreachWork work, long id, CancellationToken ct)
        => await work.IncidentAsync(id, ct).ConfigureAwait(false) is null ? TypedResults.NotFound() : TypedResults.Ok(await work.Store.Evidence.ListCustodyAsync(id, ct).ConfigureAwait(false));

    private static async Task<Results<Created<EvidenceItem>, NotFound, ProblemHttpResult>> UploadAsync(HttpContext http, BreachWork work, long id)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var (item, status, error) = await work.UploadAsync(http, id, HttpAudit.Actor(http.User), antiforgery: false).ConfigureAwait(false);
        if (item is null)
        {
            return TypedResults.Problem(error, statusCode: status);
        }

        await http.AuditAsync(BreachAudit.EvidenceAdded, BreachAudit.Target(id), $"evidence {item.Id}, {item.Length} bytes, sha256 {item.Sha256}").ConfigureAwait(false);
        return TypedResults.Created($"/api/v1/incidents/{id}/evidence/{item.Id}/content", item);
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, BreachWork work, long id, long evidenceId)
    {
        var content = await ExportAsync(http, work, id, evidenceId).ConfigureAwait(false);
        return content is null ? TypedResults.NotFound() : TypedResults.File(content.Value.Bytes, "application/octet-stream", content.Value.Name);
    }

    /// <summary>Decrypts an item into memory and records the export (custody and audit); null when absent.</summary>
    public static async Task<(byte[] Bytes, string Name)?> ExportAsync(HttpContext http, BreachWork work, long id, long evidenceId)
    {
        using var buffer = new MemoryStream();
        if (await work.Store.Evidence.ExportAsync(id, evidenceId, buffer, HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false) is not { } item)
        {
            return null;
        }

        await http.AuditAsync(BreachAudit.EvidenceExported, BreachAudit.Target(id), $"evidence {evidenceId}, sha256 {item.Sha256}").ConfigureAwait(false);
        return (buffer.ToArray(), item.FileName);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> TransferAsync(HttpContext http, BreachWork work, long id, long evidenceId, TransferRequest body)
    {
        if (string.IsNullOrWhiteSpace(body?.Recipient) || body.Recipient.Length > 200)
        {
            return TypedResults.Problem("recipient: 1 to 200 characters", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await work.Store.Evidence.RecordTransferAsync(id, evidenceId, body.Recipient.Trim(), HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false))
        {
            return TypedResults.NotFound();
        }

        await http.AuditAsync(BreachAudit.EvidenceTransferred, BreachAudit.Target(id), $"evidence {evidenceId}").ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<VerifyAnswer>, NotFound>> VerifyAsync(HttpContext http, BreachWork work, long id)
    {
        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is null)
        {
            return TypedResults.NotFound();
        }

        var v = await work.Store.Evidence.VerifyIncidentAsync(id, http.RequestAborted).ConfigureAwait(false);
        await http.AuditAsync(BreachAudit.EvidenceVerified, BreachAudit.Target(id), v.Intact ? "intact" : "broken").ConfigureAwait(false);
        return TypedResults.Ok(new VerifyAnswer(v.Intact, v.IncidentId, v.FilesChecked, v.DocumentsChecked, v.EntriesChecked, v.IncidentEntries, v.FirstBroken));
    }
}

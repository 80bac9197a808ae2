using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Api.Breach;

/// <summary>
/// <c>/api/v1/incidents/{id}/documents</c> (privacy officers: generated on request, each generation audited with counts,
/// never names) and <c>/api/v1/breach-register</c> (analysts and privacy officers).
/// </summary>
internal static class DocumentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/v1/incidents/{id:long}/documents").WithTags("Breach documents").RequireAuthorization(Policies.RevealPhi);
        documents.MapGet("/regulator", RegulatorAsync).WithSummary("The regulator draft: phase initial|follow-up|final, jurisdiction, format md|docx|pdf (audited).");
        documents.MapGet("/letters", LettersAsync).WithSummary("Letters to the individuals: format pdf|docx (a ZIP, one file per person) or csv (mail merge); audited with the count.");
        app.MapGet("/api/v1/breach-register", RegisterAsync).WithTags("Breach documents").RequireAuthorization(Policies.Respond)
            .WithSummary("The breach register (GDPR Art. 33(5)): every incident, notified or not; format json (default) or csv.");
    }

    /// <summary>Generates a regulator draft file and audits it; the problem when it cannot be made.</summary>
    public static async Task<(BreachWork.Download? File, int Status, string? Error)> DraftAsync(HttpContext http, BreachWork work, long id, string? phase, string? jurisdiction, string? format)
    {
        if (BreachWork.ParsePhase(phase) is not { } which || format is not (null or "md" or "docx" or "pdf"))
        {
            return (null, StatusCodes.Status400BadRequest, "phase: initial, follow-up or final; format: md, docx or pdf");
        }

        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return (null, StatusCodes.Status404NotFound, null);
        }

        var (text, error) = await work.DraftAsync(incident, which, jurisdiction, HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (text is null)
        {
            return (null, StatusCodes.Status409Conflict, error);
        }

        await http.AuditAsync(BreachAudit.DraftGenerated, BreachAudit.Target(id), $"{BreachWork.PhaseName(which)} {format ?? "md"}").ConfigureAwait(false);
        return (BreachWork.DraftFile(incident, which, text, format ?? "md"), StatusCodes.Status200OK, null);
    }

    /// <summary>Generates the letters and audits the generation (format and count); the problem when they cannot be made.</summary>
    public static async Task<(BreachWork.Download? File, int Status, string? Error)> LettersFileAsync(HttpContext http, BreachWork work, long id, string? format)
    {
        if (format is not ("pdf" or "docx" or "csv"))
        {
            return (null, StatusCodes.Status400BadRequest, "format: pdf, docx or csv");
        }

        if (await work.IncidentAsync(id, http.RequestAborted).ConfigureAwait(false) is not { } incident)
        {
            return (null, StatusCodes.Status404NotFound, null);
        }

        var (file, count, error) = await work.LettersAsync(incident, Enum.Parse<LetterFormat>(format, ignoreCase: true), HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return (null, StatusCodes.Status409Conflict, error);
        }

        await http.AuditAsync(BreachAudit.LettersGenerated, BreachAudit.Target(id), $"format {format}, {count} letters").ConfigureAwait(false);
        return (file, StatusCodes.Status200OK, null);
    }

    private static async Task<IResult> RegulatorAsync(HttpContext http, BreachWork work, long id, string? phase, string? jurisdiction, string? format)
        => Answer(await DraftAsync(http, work, id, phase, jurisdiction, format).ConfigureAwait(false));

    private static async Task<IResult> LettersAsync(HttpContext http, BreachWork work, long id, string? format)
        => Answer(await LettersFileAsync(http, work, id, format).ConfigureAwait(false));

    private static async Task<IResult> RegisterAsync(HttpContext http, BreachWork work, string? format)
    {
        if (format is not (null or "json" or "csv"))
        {
            return TypedResults.Problem("format: json or csv", statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = await work.RegisterAsync(HttpAudit.Actor(http.User), http.RequestAborted).ConfigureAwait(false);
        await http.AuditAsync(BreachAudit.RegisterExported, "breach-register", $"{format ?? "json"}, {entries.Count} entries").ConfigureAwait(false);
        return format == "csv"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(BreachRegister.ToCsv(entries)), "text/csv; charset=utf-8", "breach-register.csv")
            : TypedResults.Ok(entries);
    }

    private static IResult Answer((BreachWork.Download? File, int Status, string? Error) result) => result switch
    {
        ({ } file, _, _) => TypedResults.File(file.Content, file.ContentType, file.FileName),
        (null, StatusCodes.Status404NotFound, _) => TypedResults.NotFound(),
        _ => TypedResults.Problem(result.Error, statusCode: result.Status),
    };
}

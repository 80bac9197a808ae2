using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Web.Access;
using Vigil.Web.Auth;

namespace Vigil.Web.Api.Vulnerabilities;

/// <summary><c>/api/v1/vulnerabilities</c>: open findings by priority, assets, exceptions (read by everyone; exceptions added by analysts and admins, audited).</summary>
internal static class VulnerabilitiesApi
{
    /// <summary>The audit action of an exception added from the web app.</summary>
    public const string ExceptionAdded = "vuln-exception-added";

    public static void Map(IEndpointRouteBuilder app)
    {
        var vulns = app.MapGroup("/api/v1/vulnerabilities").WithTags("Vulnerabilities");
        vulns.MapGet("/findings", FindingsAsync).RequireAuthorization(Policies.Read).WithSummary("Open findings by priority (keyset: after=PRIORITY:ID; asset=, overdue=true).");
        vulns.MapGet("/assets", AssetsAsync).RequireAuthorization(Policies.Read).WithSummary("Open findings per asset, most overdue first.");
        vulns.MapGet("/exceptions", ExceptionsAsync).RequireAuthorization(Policies.Read).WithSummary("Exceptions with owner, reason and expiry.");
        vulns.MapPost("/exceptions", AddAsync).RequireAuthorization(Policies.Analyse).WithSummary("Add an exception (audited).");
    }

    /// <summary>The exception to store, or why the request is refused.</summary>
    public static StoredExemption? Check(ExceptionRequest request, DateTimeOffset now, out string? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        error = null;
        if (string.IsNullOrWhiteSpace(request.Advisory) || request.Advisory.Length > 100)
        {
            error = "advisory: an advisory id or CVE, 1 to 100 characters";
        }
        else if (string.IsNullOrWhiteSpace(request.Owner) || request.Owner.Length > 200)
        {
            error = "owner: who owns the accepted risk, 1 to 200 characters";
        }
        else if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 2000)
        {
            error = "reason: why it is accepted, 1 to 2,000 characters";
        }
        else if (request.Asset?.Length > 200 || request.Package?.Length > 200)
        {
            error = "asset, package: at most 200 characters";
        }
        else if (!TryParseExpiry(request.Expires, now, out var expires) || expires <= now)
        {
            error = "expires: a future ISO 8601 date or a number of days such as 90d";
        }
        else
        {
            return new StoredExemption(0, Blank(request.Asset), request.Advisory.Trim(), Blank(request.Package), request.Owner.Trim(), request.Reason.Trim(), expires, now);
        }

        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool TryParseExpiry(string? text, DateTimeOffset now, out DateTimeOffset expiry)
    {
        expiry = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Length is >= 2 and <= 5 && text[^1] == 'd' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            expiry = now.AddDays(days);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiry);
    }

    private static async Task<Results<Ok<VulnFindingPage>, ProblemHttpResult>> FindingsAsync(VulnerabilityViewCache cache, string? after, string? asset, bool? overdue, int? limit, CancellationToken ct)
    {
        if (!VulnerabilityView.IsValidCursor(after))
        {
            return TypedResults.Problem("after: use the next value of the previous page (PRIORITY:ID)", statusCode: StatusCodes.Status400BadRequest);
        }

        var size = Math.Clamp(limit ?? 50, 1, 500);
        var view = await cache.GetAsync(ct).ConfigureAwait(false);
        var page = view.Page(after, asset, overdue == true, size);
        return TypedResults.Ok(new VulnFindingPage(page, view.Unreadable, page.Count == size ? VulnerabilityView.Cursor(page[^1]) : null));
    }

    private static async Task<Ok<IReadOnlyList<VulnAssetRow>>> AssetsAsync(VulnerabilityViewCache cache, CancellationToken ct)
        => TypedResults.Ok((await cache.GetAsync(ct).ConfigureAwait(false)).Assets());

    private static async Task<Ok<IReadOnlyList<ExceptionRow>>> ExceptionsAsync(VulnerabilityViewCache cache, CancellationToken ct)
        => TypedResults.Ok((await cache.GetAsync(ct).ConfigureAwait(false)).Exceptions);

    private static async Task<Results<Created<ExceptionRow>, ProblemHttpResult>> AddAsync(HttpContext http, IVigilStore store, TimeProvider time, ExceptionRequest body, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (Check(body, now, out var error) is not { } exemption)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        var id = await store.Vulnerabilities.AddExemptionAsync(exemption, ct).ConfigureAwait(false);
        await http.AuditAsync(ExceptionAdded, $"vuln-exception:{id}", $"{exemption.Advisory} until {exemption.ExpiresAt:yyyy-MM-dd}").ConfigureAwait(false);
        var row = new ExceptionRow(id, exemption.Asset, exemption.Advisory, exemption.Package, exemption.Owner, exemption.Reason, exemption.ExpiresAt, exemption.CreatedAt, true);
        return TypedResults.Created($"/api/v1/vulnerabilities/exceptions/{id}", row);
    }
}

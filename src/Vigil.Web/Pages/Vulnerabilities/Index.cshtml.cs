using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Api.Vulnerabilities;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Vulnerabilities;

/// <summary>Open findings by priority (keyset pages), assets, and exceptions; analysts and admins add exceptions here.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(IVigilStore store, VulnerabilityViewCache cache, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Asset { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public VulnerabilityView Data { get; private set; } = null!;

    public IReadOnlyList<VulnFindingRow> Findings { get; private set; } = [];

    public bool CanAddException { get; private set; }

    public string? Error { get; private set; }

    public ExceptionRequest Draft { get; private set; } = new(null, null, null, null, null, "90d");

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = View is "assets" or "exceptions" ? View : "findings";
        if (!VulnerabilityView.IsValidCursor(After))
        {
            Error = "That page link is not valid: showing the first page.";
            After = null;
        }

        await LoadAsync(ct).ConfigureAwait(false);
    }

    /// <remarks>Razor Pages ignore [Authorize] on handlers: adding needs Analyse, checked here.</remarks>
    public async Task<IActionResult> OnPostExceptionAsync(string? advisory, string? asset, string? package, string? owner, string? reason, string? expires, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Analyse).ConfigureAwait(false)).Succeeded)
        {
            return Forbid();
        }

        var request = new ExceptionRequest(advisory, asset, package, owner, reason, expires);
        var now = time.GetUtcNow();
        if (VulnerabilitiesApi.Check(request, now, out var error) is not { } exemption)
        {
            View = "exceptions";
            Error = error;
            Draft = request;
            await LoadAsync(ct).ConfigureAwait(false);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var id = await store.Vulnerabilities.AddExemptionAsync(exemption, ct).ConfigureAwait(false);
        await HttpContext.AuditAsync(VulnerabilitiesApi.ExceptionAdded, $"vuln-exception:{id}", $"{exemption.Advisory} until {exemption.ExpiresAt:yyyy-MM-dd}").ConfigureAwait(false);
        Message = $"Exception {id} added for {exemption.Advisory}.";
        return RedirectToPage(new { view = "exceptions" });
    }

    /// <summary>The query string of the next page of findings.</summary>
    public string NextPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["asset"] = Asset,
        ["overdue"] = Overdue ? "true" : null,
        ["after"] = VulnerabilityView.Cursor(Findings[^1]),
    }.Where(static p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private async Task LoadAsync(CancellationToken ct)
    {
        Data = await cache.GetAsync(ct).ConfigureAwait(false);
        Findings = Data.Page(After, Asset, Overdue, PageSize);
        CanAddException = (await authorization.AuthorizeAsync(User, Policies.Analyse).ConfigureAwait(false)).Succeeded;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Api.Discovery;
using Vigil.Web.Auth;
using Vigil.Web.Discovery;

namespace Vigil.Web.Pages.Discovery;

/// <summary>PHI scans run on the server: the list (keyset pages) for everyone who may read; privacy officers start scans here.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(IVigilStore store, DiscoveryScans scans, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<ScanAnswer> Scans { get; private set; } = [];

    public IReadOnlyList<string> Roots => scans.Paths.Roots;

    public bool CanScan { get; private set; }

    public string? Error { get; private set; }

    public string? Requested { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct).ConfigureAwait(false);

    /// <remarks>Razor Pages ignore [Authorize] on handlers: starting a scan needs RevealPhi, checked here.</remarks>
    public async Task<IActionResult> OnPostScanAsync(string? path, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.RevealPhi).ConfigureAwait(false)).Succeeded)
        {
            return Forbid();
        }

        var (id, error) = await scans.StartAsync(path, HttpAudit.Actor(User), ct).ConfigureAwait(false);
        if (id is not { } scanId)
        {
            Error = error;
            Requested = path;
            await LoadAsync(ct).ConfigureAwait(false);
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.AuditAsync(DiscoveryAudit.ScanStarted, DiscoveryAudit.ScanTarget(scanId)).ConfigureAwait(false);
        return Redirect($"/discovery/{scanId}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanScan = (await authorization.AuthorizeAsync(User, Policies.RevealPhi).ConfigureAwait(false)).Succeeded;
        Scans = [.. (await store.PhiScans.ListAsync(Before, PageSize, ct).ConfigureAwait(false)).Select(s => ScanAnswer.From(s, scans))];
    }
}

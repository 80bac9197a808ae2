using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Discovery;
using Vigil.Web.Auth;
using Vigil.Web.Discovery;

namespace Vigil.Web.Pages.Discovery;

/// <summary>
/// One item of a scan with its findings, masked. A privacy officer may reveal the values: the item is read again from
/// its file, shown in this one response (never stored) and the reveal is audited. Anyone else's reveal is refused
/// (403) and audited as refused.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class ItemModel(IVigilStore store, IAuthorizationService authorization) : PageModel
{
    public long ScanId { get; private set; }

    public PhiItemRecord Item { get; private set; } = null!;

    public IReadOnlyList<PhiFindingRecord> Findings { get; private set; } = [];

    public RevealOutcome? Revealed { get; private set; }

    public bool CanReveal { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long seq, CancellationToken ct)
        => await LoadAsync(id, seq, ct).ConfigureAwait(false) ? Page() : NotFound();

    /// <remarks>Razor Pages ignore [Authorize] on handlers: <see cref="RevealRequest"/> checks RevealPhi and audits either way.</remarks>
    public async Task<IActionResult> OnPostRevealAsync(long id, long seq, CancellationToken ct)
    {
        var (status, _, outcome) = await RevealRequest.HandleAsync(HttpContext, id, seq, ct).ConfigureAwait(false);
        if (status != StatusCodes.Status200OK)
        {
            return StatusCode(status);
        }

        if (!await LoadAsync(id, seq, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        Revealed = outcome;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, long seq, CancellationToken ct)
    {
        if (await store.PhiScans.GetItemAsync(id, seq, ct).ConfigureAwait(false) is not { } item)
        {
            return false;
        }

        (ScanId, Item) = (id, item);
        Findings = await store.PhiScans.FindingsAsync(id, seq, ct).ConfigureAwait(false);
        CanReveal = (await authorization.AuthorizeAsync(User, Policies.RevealPhi).ConfigureAwait(false)).Succeeded;
        return true;
    }
}

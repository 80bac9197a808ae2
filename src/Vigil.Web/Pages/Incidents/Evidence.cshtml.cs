using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Response.Evidence;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Responding;

namespace Vigil.Web.Pages.Incidents;

/// <summary>
/// An incident's evidence: upload (streamed, encrypted, SHA-256 shown), the items with their hashes, download (custody
/// "export" and an audit entry), transfers, verification and the custody log. Analysts and privacy officers.
/// </summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class EvidenceModel(BreachWork work, WebOptions options) : PageModel
{
    public Incident Incident { get; private set; } = null!;

    public IReadOnlyList<EvidenceItem> Items { get; private set; } = [];

    public IReadOnlyList<CustodyEntry> Custody { get; private set; } = [];

    public IncidentVerification? Verification { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public long MaxBytes => options.Breach.MaxEvidenceBytes;

    public async Task<IActionResult> OnGetAsync(long id, long? added, int? failed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (added is { } evidenceId && Items.FirstOrDefault(i => i.Id == evidenceId) is { } item)
        {
            Message = $"Added {item.FileName}: {item.Length} bytes, SHA-256 {item.Sha256}.";
        }

        Error = failed switch
        {
            null => null,
            413 => $"The file is larger than the limit of {MaxBytes} bytes.",
            415 => "Send the file with the form.",
            _ => "The upload was refused: choose a file, and reload the page if it has been open a long time.",
        };
        return Page();
    }

    /// <summary>Whether this person may download decrypted evidence (reveal-phi: it may hold patient data).</summary>
    public bool CanDownload => AccessPolicies.Allows(User, Policies.RevealPhi);

    public async Task<IActionResult> OnPostDownloadAsync(long id, long evidenceId)
    {
        if (!CanDownload)
        {
            return Forbid();
        }

        return await Api.Breach.EvidenceApi.ExportAsync(HttpContext, work, id, evidenceId).ConfigureAwait(false) is { } file
            ? File(file.Bytes, "application/octet-stream", file.Name)
            : NotFound();
    }

    public async Task<IActionResult> OnPostTransferAsync(long id, long evidenceId, string? recipient, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(recipient) || recipient.Length > 200)
        {
            Error = "Name the recipient (1 to 200 characters).";
            return Page();
        }

        if (!await work.Store.Evidence.RecordTransferAsync(id, evidenceId, recipient.Trim(), HttpAudit.Actor(User), ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(BreachAudit.EvidenceTransferred, BreachAudit.Target(id), $"evidence {evidenceId}").ConfigureAwait(false);
        await LoadAsync(id, ct).ConfigureAwait(false);
        Message = $"Transfer of evidence {evidenceId} recorded in the custody log.";
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct).ConfigureAwait(false))
        {
            return NotFound();
        }

        Verification = await work.Store.Evidence.VerifyIncidentAsync(id, ct).ConfigureAwait(false);
        await HttpContext.AuditAsync(BreachAudit.EvidenceVerified, BreachAudit.Target(id), Verification.Intact ? "intact" : "broken").ConfigureAwait(false);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await work.IncidentAsync(id, ct).ConfigureAwait(false) is not { } incident)
        {
            return false;
        }

        Incident = incident;
        Items = await work.Store.Evidence.ListAsync(id, ct).ConfigureAwait(false);
        Custody = await work.Store.Evidence.ListCustodyAsync(id, ct).ConfigureAwait(false);
        return true;
    }
}

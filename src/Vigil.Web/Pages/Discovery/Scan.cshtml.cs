using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Audit;
using Vigil.Storage.Discovery;
using Vigil.Web.Api.Discovery;
using Vigil.Web.Auth;
using Vigil.Web.Discovery;

namespace Vigil.Web.Pages.Discovery;

/// <summary>
/// One scan: progress while it runs; then totals by category and type, the data subjects and the riskiest items
/// (masked, keyset pages); for those who may read the audit log, the reveals of this scan.
/// </summary>
[Authorize(Policy = Policies.Read)]
internal sealed class ScanModel(IVigilStore store, DiscoveryScans scans, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public long? SubjectsAfter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ItemsAfter { get; set; }

    public ScanAnswer Scan { get; private set; } = null!;

    public IReadOnlyList<PhiSubjectRecord> Subjects { get; private set; } = [];

    public IReadOnlyList<PhiItemRecord> Items { get; private set; } = [];

    /// <summary>Reveals and refused reveals of this scan, newest first; null when the user may not read the audit log.</summary>
    public IReadOnlyList<AuditRecord>? Reveals { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await store.PhiScans.GetAsync(id, ct).ConfigureAwait(false) is not { } scan)
        {
            return NotFound();
        }

        Scan = ScanAnswer.From(scan, scans);
        Subjects = await store.PhiScans.SubjectsAsync(id, SubjectsAfter ?? 0, PageSize, ct).ConfigureAwait(false);
        Items = await store.PhiScans.ItemsAsync(id, DiscoveryApi.ParseCursor(ItemsAfter), PageSize, ct).ConfigureAwait(false);
        if ((await authorization.AuthorizeAsync(User, Policies.Audit).ConfigureAwait(false)).Succeeded)
        {
            var prefix = DiscoveryAudit.ScanTarget(id) + "/";
            var entries = new List<AuditRecord>();
            foreach (var action in new[] { DiscoveryAudit.Revealed, DiscoveryAudit.RevealDenied })
            {
                entries.AddRange((await store.Audit.ListAsync(new AuditQuery(Limit: 500, Action: action), ct).ConfigureAwait(false))
                    .Where(e => e.Target?.StartsWith(prefix, StringComparison.Ordinal) == true));
            }

            Reveals = [.. entries.OrderByDescending(static e => e.Id).Take(100)];
        }

        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Rules;
using Vigil.Web.Access;
using Vigil.Web.Api;
using Vigil.Web.Api.Rules;
using Vigil.Web.Auth;
using Vigil.Web.Rules;

namespace Vigil.Web.Pages.Rules;

/// <summary>One rule: what it detects, ATT&amp;CK, its YAML, the alerts it raised; enable, disable, delete (uploaded only).</summary>
[Authorize(Policy = Policies.Analyse)]
internal sealed class RuleModel(IVigilStore store, RuleCatalog catalog, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public RuleRow Row { get; private set; } = null!;

    public RuleMetadata Attack { get; private set; } = RuleMetadata.Parse(null);

    public string Yaml { get; private set; } = "";

    public RuleAlertStats? Stats { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (catalog.Get(Id) is not { } row)
        {
            return NotFound();
        }

        Row = row;
        Attack = RuleMetadata.Parse(System.Text.Json.JsonSerializer.Serialize(new { tags = row.Entry.Info.Tags }));
        Yaml = await catalog.YamlAsync(row.Entry, ct).ConfigureAwait(false);
        Stats = (await store.Rules.AlertStatsAsync([Id], ct).ConfigureAwait(false)).GetValueOrDefault(Id);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(string? reason, CancellationToken ct) => SetAsync(true, reason, ct);

    public Task<IActionResult> OnPostDisableAsync(string? reason, CancellationToken ct) => SetAsync(false, reason, ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        switch (await catalog.DeleteAsync(store, Id, ct).ConfigureAwait(false))
        {
            case RuleDeleteOutcome.NotFound:
                return NotFound();
            case RuleDeleteOutcome.NotUploaded:
                Message = "Rules from a rules folder cannot be deleted here; disable the rule instead.";
                return Redirect(IndexModel.RuleLink(Id));
            default:
                await HttpContext.AuditAsync(RuleAudit.Action, RuleAudit.Target(Id), "deleted").ConfigureAwait(false);
                return Redirect("/rules?pack=" + RuleCatalog.UploadedPack);
        }
    }

    private async Task<IActionResult> SetAsync(bool enabled, string? reason, CancellationToken ct)
    {
        reason = reason is { Length: > 500 } ? reason[..500] : reason;
        if (await catalog.SetEnabledAsync(store, Id, enabled, HttpAudit.Actor(User), reason, time.GetUtcNow(), ct).ConfigureAwait(false) is null)
        {
            return NotFound();
        }

        await HttpContext.AuditAsync(RuleAudit.Action, RuleAudit.Target(Id), enabled ? "enabled" : "disabled").ConfigureAwait(false);
        Message = enabled ? "Rule enabled: live detection raises its alerts again." : "Rule disabled: live detection raises no alert for it from now on.";
        return Redirect(IndexModel.RuleLink(Id));
    }
}

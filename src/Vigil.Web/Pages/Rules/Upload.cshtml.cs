using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Web.Access;
using Vigil.Web.Api;
using Vigil.Web.Api.Rules;
using Vigil.Web.Auth;
using Vigil.Web.Rules;

namespace Vigil.Web.Pages.Rules;

/// <summary>Paste or upload a Sigma rule, test it on recent events, then save it enabled or disabled.</summary>
[Authorize(Policy = Policies.Analyse)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024 * 1024)]
internal sealed class UploadModel(IVigilStore store, RuleCatalog catalog, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Yaml { get; set; }

    public IReadOnlyList<RuleLoadError> Errors { get; private set; } = [];

    public RuleTestResult? Test { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostTestAsync(IFormFile? file, CancellationToken ct)
    {
        if (await ReadAsync(file, ct).ConfigureAwait(false))
        {
            Test = await catalog.TestAsync(store, Yaml, time.GetUtcNow(), ct).ConfigureAwait(false);
            Errors = Test.Errors;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(IFormFile? file, bool enable, CancellationToken ct)
    {
        if (!await ReadAsync(file, ct).ConfigureAwait(false))
        {
            return Page();
        }

        var outcome = await catalog.UploadAsync(store, Yaml, enable, HttpAudit.Actor(User), time.GetUtcNow(), ct).ConfigureAwait(false);
        if (outcome.Row is not { } row)
        {
            Errors = outcome.Conflict is null ? outcome.Errors : [new RuleLoadError(RuleCatalog.UploadedPack, RuleCatalog.UploadName, "id", "duplicate-id", outcome.Conflict)];
            return Page();
        }

        await HttpContext.AuditAsync(RuleAudit.Action, RuleAudit.Target(row.Entry.Info.Id), row.Enabled ? "uploaded, enabled" : "uploaded, disabled").ConfigureAwait(false);
        TempData["Message"] = row.Enabled ? "Rule saved and enabled: live detection runs it from now on." : "Rule saved, disabled.";
        return Redirect(IndexModel.RuleLink(row.Entry.Info.Id));
    }

    /// <summary>A chosen file replaces the pasted text; larger than the limit is refused before it is read whole.</summary>
    private async Task<bool> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is { Length: > 0 })
        {
            if (file.Length > RuleCatalog.MaxYamlBytes)
            {
                Errors = [new RuleLoadError(RuleCatalog.UploadedPack, file.FileName, "", "too-large", $"the file is larger than {RuleCatalog.MaxYamlBytes / 1024} KB")];
                return false;
            }

            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            Yaml = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
        }

        return true;
    }
}

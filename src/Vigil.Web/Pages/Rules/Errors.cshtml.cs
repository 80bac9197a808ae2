using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Web.Auth;
using Vigil.Web.Rules;

namespace Vigil.Web.Pages.Rules;

/// <summary>The rules that failed to load, with file, place and reason.</summary>
[Authorize(Policy = Policies.Analyse)]
internal sealed class ErrorsModel(RuleCatalog catalog) : PageModel
{
    public const int Shown = 1000;

    public IReadOnlyList<RulePack> Packs { get; private set; } = [];

    public IReadOnlyList<RuleLoadError> Errors { get; private set; } = [];

    public void OnGet()
    {
        Packs = catalog.Packs();
        Errors = catalog.Errors();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Rules;
using Vigil.Web.Auth;
using Vigil.Web.Rules;

namespace Vigil.Web.Pages.Rules;

/// <summary>The rule packs with their counts, and the rules filtered by pack, level, status, state and text, in pages.</summary>
[Authorize(Policy = Policies.Analyse)]
internal sealed class IndexModel(IVigilStore store, RuleCatalog catalog) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Pack { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary><c>enabled</c>, <c>disabled</c> or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int P { get; set; } = 1;

    public IReadOnlyList<RulePack> Packs { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public RulePage Result { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyDictionary<string, RuleAlertStats> Stats { get; private set; } = new Dictionary<string, RuleAlertStats>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Packs = catalog.Packs();
        ErrorCount = catalog.Errors().Count;
        var level = Display.Levels.Contains(Level ?? "") ? Level : null;
        bool? enabled = State switch { "enabled" => true, "disabled" => false, _ => null };
        Result = catalog.Query(new RuleQuery(Pack, level, Status, enabled, Q, P, PageSize));
        Stats = await store.Rules.AlertStatsAsync([.. Result.Rows.Select(static r => r.Entry.Info.Id)], ct).ConfigureAwait(false);
    }

    /// <summary>The query string of another page of the same search.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["pack"] = Pack,
        ["level"] = Level,
        ["status"] = Status,
        ["state"] = State,
        ["q"] = Q,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(static p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    /// <summary>The link to a rule's page.</summary>
    public static string RuleLink(string id) => "/rules/rule" + QueryString.Create("id", id).ToUriComponent();
}

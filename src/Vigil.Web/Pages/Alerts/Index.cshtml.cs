using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Alerts;

/// <summary>Alerts, newest first, filtered by status, severity, rule and assignee, in keyset pages.</summary>
[Authorize(Policy = Policies.Read)]
internal sealed class IndexModel(IVigilStore store, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "active";

    [BindProperty(SupportsGet = true)]
    public string? MinLevel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Whether the user may open incidents (the list then offers selection).</summary>
    public bool CanRespond { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Status = string.IsNullOrEmpty(Status) || Status == "any" ? null : Status;
        if (Status is not null && Status != "active" && !AlertStatuses.IsKnown(Status))
        {
            Error = "Unknown status: showing every status.";
            Status = null;
        }

        CanRespond = (await authorization.AuthorizeAsync(User, Policies.Respond).ConfigureAwait(false)).Succeeded;
        Alerts = await store.AlertWorkflow.PageAsync(new AlertPageQuery(Status, MinLevel, Rule, Assignee, Before, PageSize), ct).ConfigureAwait(false);
    }

    /// <summary>The query string of the next page: these filters, below the last alert shown.</summary>
    public string NextPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status ?? "any",
        ["minLevel"] = MinLevel,
        ["rule"] = Rule,
        ["assignee"] = Assignee,
        ["before"] = Alerts[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(static p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

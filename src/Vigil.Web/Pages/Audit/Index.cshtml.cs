using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Storage.Audit;
using Vigil.Web.Api.Audit;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Audit;

/// <summary>The audit log newest first in keyset pages, filtered by actor, action and time, under the chain's verification.</summary>
[Authorize(Policy = Policies.Audit)]
internal sealed class IndexModel(IAuditLog log, AuditChainMonitor monitor, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AuditChainStatus Chain { get; private set; } = null!;

    public AuditPage? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(full: false, ct).ConfigureAwait(false);

    /// <summary>"Verify whole chain": walks every entry now, then shows the page as a load would.</summary>
    public async Task OnPostVerifyAsync(CancellationToken ct) => await LoadAsync(full: true, ct).ConfigureAwait(false);

    private async Task LoadAsync(bool full, CancellationToken ct)
    {
        Chain = await monitor.CheckAsync(full, ct).ConfigureAwait(false);
        if (AuditFilter.Parse(Actor, ActionName, From, To, Before, PageSize, time.GetUtcNow(), out var error) is not { } filter)
        {
            Error = error;
            return;
        }

        Result = await filter.ReadAsync(log, ct).ConfigureAwait(false);
    }

    /// <summary>The query string of the next page: the same filters before the page's last entry.</summary>
    public string NextPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["action"] = ActionName,
        ["from"] = From,
        ["to"] = To,
        ["before"] = Result?.Next?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(static p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

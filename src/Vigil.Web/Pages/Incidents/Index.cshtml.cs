using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Web.Auth;

namespace Vigil.Web.Pages.Incidents;

/// <summary>Incidents, newest first, filtered by status, severity, owner and text, in keyset pages, with counts by status.</summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class IndexModel(IVigilStore store) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "open";

    [BindProperty(SupportsGet = true)]
    public string? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<Incident> Incidents { get; private set; } = [];

    public IReadOnlyDictionary<IncidentStatus, int> Counts { get; private set; } = new Dictionary<IncidentStatus, int>();

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IncidentStatus? status = null;
        var openOnly = Status == "open";
        if (!openOnly && !string.IsNullOrEmpty(Status) && Status != "any")
        {
            if (Enum.TryParse<IncidentStatus>(Status, out var parsed) && Enum.GetNames<IncidentStatus>().Contains(Status))
            {
                status = parsed;
            }
            else
            {
                Error = "Unknown status: showing every status.";
                Status = "any";
            }
        }

        if (!string.IsNullOrEmpty(Severity) && !IncidentSeverity.IsValid(Severity))
        {
            Error = "Unknown severity: showing every severity.";
            Severity = null;
        }

        Counts = await store.Incidents.CountByStatusAsync(ct).ConfigureAwait(false);
        Incidents = await store.Incidents.ListAsync(new IncidentQuery(status, openOnly, PageSize, NullIfEmpty(Severity), NullIfEmpty(Owner), NullIfEmpty(Q), Before), ct).ConfigureAwait(false);
    }

    /// <summary>The query string of the next page: these filters, below the last incident shown.</summary>
    public string NextPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status ?? "any",
        ["severity"] = Severity,
        ["owner"] = Owner,
        ["q"] = Q,
        ["before"] = Incidents[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(static p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

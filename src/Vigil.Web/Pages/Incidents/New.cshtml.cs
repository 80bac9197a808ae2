using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigil.Response.Incidents;
using Vigil.Response.Playbooks;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Web.Auth;
using Vigil.Web.Incidents;

namespace Vigil.Web.Pages.Incidents;

/// <summary>Opens an incident by hand or from the alerts selected (<c>?alert=ID&amp;alert=ID</c>), or adds those alerts to an open incident.</summary>
[Authorize(Policy = Policies.Respond)]
internal sealed class NewModel(IVigilStore store, IncidentWork work, PlaybookCatalog playbooks, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "alert")]
    public List<long> AlertIds { get; set; } = [];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Severity { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Playbook { get; set; }

    [BindProperty]
    public List<string> Jurisdictions { get; set; } = [];

    [BindProperty]
    public string? AwareAt { get; set; }

    [BindProperty]
    public long? IncidentId { get; set; }

    public IReadOnlyList<Alert> Alerts { get; private set; } = [];

    public IReadOnlyList<Playbook> Playbooks => playbooks.All;

    public IReadOnlyList<Incident> OpenIncidents { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct).ConfigureAwait(false);
        if (Alerts.Count > 0)
        {
            Title ??= Alerts[0].RuleTitle.Length <= IncidentWork.TitleMax ? Alerts[0].RuleTitle : Alerts[0].RuleTitle[..IncidentWork.TitleMax];
            Severity ??= Alerts.Select(static a => SeverityOf(a.Level)).MaxBy(static s => IncidentSeverity.All.ToList().IndexOf(s));
        }
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        DateTimeOffset? aware = null;
        if (!string.IsNullOrWhiteSpace(AwareAt))
        {
            if (!DateTime.TryParse(AwareAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return await RefuseAsync("Aware at: use a date and time (UTC).", ct).ConfigureAwait(false);
            }

            aware = new DateTimeOffset(parsed, TimeSpan.Zero);
        }

        var result = await work.OpenAsync(HttpContext, new OpenIncidentRequest(Title, Severity, Description, Playbook, Jurisdictions, aware, AlertIds), ct).ConfigureAwait(false);
        return result.Outcome == WorkOutcome.Done
            ? Redirect($"/incidents/{result.IncidentId.ToString(CultureInfo.InvariantCulture)}")
            : await RefuseAsync(result.Problem!, ct).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (IncidentId is not { } id)
        {
            return await RefuseAsync("Choose the incident to add the alerts to.", ct).ConfigureAwait(false);
        }

        var result = await work.AddAlertsAsync(HttpContext, id, AlertIds, ct).ConfigureAwait(false);
        return result.Outcome switch
        {
            WorkOutcome.Done => Redirect($"/incidents/{id.ToString(CultureInfo.InvariantCulture)}"),
            WorkOutcome.NotFound => NotFound(),
            _ => await RefuseAsync(result.Problem!, ct).ConfigureAwait(false),
        };
    }

    /// <summary>Today's UTC time as the form's default for "aware at".</summary>
    public string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static string SeverityOf(string level) => IncidentSeverity.IsValid(level) ? level : "low";

    private async Task<IActionResult> RefuseAsync(string problem, CancellationToken ct)
    {
        Error = problem;
        await LoadAsync(ct).ConfigureAwait(false);
        Response.StatusCode = 400;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var alerts = new List<Alert>();
        foreach (var id in AlertIds.Distinct().Take(200))
        {
            if (await store.Alerts.GetAsync(id, ct).ConfigureAwait(false) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        Alerts = alerts;
        if (alerts.Count > 0)
        {
            OpenIncidents = await store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true, Limit: 200), ct).ConfigureAwait(false);
        }
    }
}

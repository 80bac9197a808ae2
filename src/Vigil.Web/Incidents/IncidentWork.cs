using System.Globalization;
using Microsoft.AspNetCore.Http;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Incidents;
using Vigil.Web.Access;
using Vigil.Web.Api;

namespace Vigil.Web.Incidents;

/// <summary>
/// Every change people make to incidents, for the pages and the API alike: checks the input (a refusal names the field,
/// never the text), makes the change through the store (opening goes through <see cref="IncidentOpening"/>, as the CLI
/// does) and writes it to the audit log (what was done, never what was typed).
/// </summary>
internal sealed class IncidentWork(IVigilStore store, TimeProvider time, PlaybookCatalog playbooks)
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 8000;
    public const int TextMax = 4000;
    public const int OwnerMax = 100;

    public async Task<WorkResult> OpenAsync(HttpContext http, OpenIncidentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > TitleMax)
        {
            return WorkResult.Refused($"title: 1 to {TitleMax} characters");
        }

        if (!IncidentSeverity.IsValid(request.Severity))
        {
            return WorkResult.Refused($"severity: one of {string.Join(", ", IncidentSeverity.All)}");
        }

        if (request.Description is { Length: > DescriptionMax })
        {
            return WorkResult.Refused($"description: at most {DescriptionMax} characters");
        }

        if (request.Owner is { Length: > OwnerMax })
        {
            return WorkResult.Refused($"owner: at most {OwnerMax} characters");
        }

        var jurisdictions = new List<string>();
        foreach (var id in request.Jurisdictions ?? [])
        {
            if (Jurisdictions.Find(id) is not { } profile)
            {
                return WorkResult.Refused($"jurisdictions: each one of {string.Join(", ", Jurisdictions.All.Select(j => j.Id))}");
            }

            jurisdictions.Add(profile.Id);
        }

        var playbook = string.IsNullOrEmpty(request.Playbook) ? null : playbooks.Find(request.Playbook);
        if (!string.IsNullOrEmpty(request.Playbook) && playbook is null)
        {
            return WorkResult.Refused($"playbook: one of {string.Join(", ", playbooks.All.Select(p => p.Id))}");
        }

        var now = time.GetUtcNow();
        if (request.AwareAt > now)
        {
            return WorkResult.Refused("awareAt: not in the future");
        }

        var incident = new NewIncident(title, request.Severity!, request.AwareAt ?? now, [.. jurisdictions.Distinct()], Blank(request.Owner), null, Blank(request.Description));
        var opened = await IncidentOpening.OpenAsync(store, incident, request.AlertIds ?? [], playbook, HttpAudit.Actor(http.User), ct).ConfigureAwait(false);
        if (opened.Incident is not { } made)
        {
            return WorkResult.Refused($"alertIds: no alert {string.Join(", ", opened.UnknownAlerts)}");
        }

        var alerts = request.AlertIds?.Distinct().Count() ?? 0;
        await http.AuditAsync(IncidentAudit.Opened, IncidentAudit.Target(made.Id), $"{made.Reference} from {alerts.ToString(CultureInfo.InvariantCulture)} alert(s), {opened.TimelineEntries.ToString(CultureInfo.InvariantCulture)} timeline entries, {opened.Observables.ToString(CultureInfo.InvariantCulture)} observables").ConfigureAwait(false);
        return WorkResult.Done(made.Id);
    }

    public async Task<WorkResult> AddAlertsAsync(HttpContext http, long id, IReadOnlyList<long>? alertIds, CancellationToken ct)
    {
        if (alertIds is not { Count: > 0 })
        {
            return WorkResult.Refused("alertIds: at least one alert");
        }

        var added = await IncidentOpening.AddAlertsAsync(store, id, alertIds, ct).ConfigureAwait(false);
        if (added.Incident is null)
        {
            return added.UnknownAlerts.Count == 0 ? WorkResult.NotFound : WorkResult.Refused($"alertIds: no alert {string.Join(", ", added.UnknownAlerts)}");
        }

        return await AuditedAsync(http, id, $"alerts {string.Join(", ", alertIds.Distinct())} added").ConfigureAwait(false);
    }

    public async Task<WorkResult> MoveAsync(HttpContext http, long id, string? status, CancellationToken ct)
    {
        if (await store.Incidents.GetAsync(id, ct).ConfigureAwait(false) is not { } incident)
        {
            return WorkResult.NotFound;
        }

        var allowed = IncidentLifecycle.Next(incident.Status);
        if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var to) || !allowed.Contains(to))
        {
            return WorkResult.Refused($"status: from {incident.Status} only {string.Join(" or ", allowed)}");
        }

        return await store.Incidents.MoveStatusAsync(id, incident.Status, to, HttpAudit.Actor(http.User), ct).ConfigureAwait(false)
            ? await AuditedAsync(http, id, $"status {incident.Status} to {to}").ConfigureAwait(false)
            : WorkResult.Refused("status: someone changed it meanwhile; look again");
    }

    public async Task<WorkResult> AssignAsync(HttpContext http, long id, string? owner, CancellationToken ct)
    {
        if (owner is { Length: > OwnerMax })
        {
            return WorkResult.Refused($"owner: at most {OwnerMax} characters");
        }

        return await store.Incidents.SetOwnerAsync(id, Blank(owner), HttpAudit.Actor(http.User), ct).ConfigureAwait(false)
            ? await AuditedAsync(http, id, Blank(owner) is null ? "owner cleared" : "owner set").ConfigureAwait(false)
            : WorkResult.NotFound;
    }

    public async Task<WorkResult> AddObservableAsync(HttpContext http, long id, string? kind, string? value, CancellationToken ct)
    {
        var (checkedValue, reason) = ObservableKinds.Check(kind, value);
        if (checkedValue is null)
        {
            return WorkResult.Refused(reason!);
        }

        if (await store.Incidents.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return WorkResult.NotFound;
        }

        await store.Incidents.AddObservablesAsync(id, [new Observable(kind!, checkedValue, HttpAudit.Actor(http.User))], ct).ConfigureAwait(false);
        return await AuditedAsync(http, id, $"observable ({kind}) added").ConfigureAwait(false);
    }

    public async Task<WorkResult> AddTimelineAsync(HttpContext http, long id, string? text, DateTimeOffset? at, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextMax)
        {
            return WorkResult.Refused($"text: 1 to {TextMax} characters");
        }

        var now = time.GetUtcNow();
        if (at > now)
        {
            return WorkResult.Refused("at: not in the future");
        }

        if (await store.Incidents.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return WorkResult.NotFound;
        }

        var actor = HttpAudit.Actor(http.User);
        await store.Incidents.AddTimelineEntryAsync(id, at ?? now, actor, text.Trim(), actor, ct).ConfigureAwait(false);
        return await AuditedAsync(http, id, "timeline entry added").ConfigureAwait(false);
    }

    public async Task<WorkResult> CompleteTaskAsync(HttpContext http, long id, int number, string? note, CancellationToken ct)
    {
        if (note is { Length: > TextMax })
        {
            return WorkResult.Refused($"note: at most {TextMax} characters");
        }

        return await store.Incidents.CompleteTaskAsync(id, number, HttpAudit.Actor(http.User), Blank(note), ct).ConfigureAwait(false)
            ? await AuditedAsync(http, id, string.Create(CultureInfo.InvariantCulture, $"task {number} done")).ConfigureAwait(false)
            : WorkResult.NotFound;
    }

    public async Task<WorkResult> CommentAsync(HttpContext http, long id, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > TextMax)
        {
            return WorkResult.Refused($"text: 1 to {TextMax} characters");
        }

        if (await store.Incidents.GetAsync(id, ct).ConfigureAwait(false) is null)
        {
            return WorkResult.NotFound;
        }

        await store.Incidents.AddCommentAsync(id, HttpAudit.Actor(http.User), text.Trim(), ct).ConfigureAwait(false);
        return await AuditedAsync(http, id, "commented").ConfigureAwait(false);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<WorkResult> AuditedAsync(HttpContext http, long id, string what)
    {
        await http.AuditAsync(IncidentAudit.Changed, IncidentAudit.Target(id), what).ConfigureAwait(false);
        return WorkResult.Done(id);
    }
}

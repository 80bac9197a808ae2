using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Web.Auth;
using Vigil.Web.Incidents;

namespace Vigil.Web.Api.Incidents;

/// <summary><c>/api/v1/incidents</c>: what the incident pages show and do, for people's sessions and <c>respond</c> tokens.</summary>
internal static class IncidentsApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/api/v1/incidents").WithTags("Incidents").RequireAuthorization(Policies.Respond);
        incidents.MapGet("", ListAsync).WithSummary("Incidents, newest first; filter by status, severity, owner and q (title or reference contains); page with before; counts by status.");
        incidents.MapPost("", OpenAsync).WithSummary("Open an incident by hand or from alerts (alertIds): links them, builds the timeline and observables from their events, applies the playbook's tasks.");
        incidents.MapGet("/{id:long}", GetAsync).WithSummary("One incident: description, allowed status moves, alerts, observables, timeline, tasks, comments, links to evidence and breach pages.");
        incidents.MapPost("/{id:long}/status", (HttpContext h, IncidentWork w, long id, StatusRequest body, CancellationToken ct) => Answer(w.MoveAsync(h, id, body.Status, ct)))
            .WithSummary("Move the status: one phase forward (New, Investigating, Contained, Eradicated, Recovered, Closed), to Closed from any open phase, or Closed back to Investigating.");
        incidents.MapPost("/{id:long}/owner", (HttpContext h, IncidentWork w, long id, OwnerRequest body, CancellationToken ct) => Answer(w.AssignAsync(h, id, body.Owner, ct)))
            .WithSummary("Set the owner (empty clears it).");
        incidents.MapPost("/{id:long}/alerts", (HttpContext h, IncidentWork w, long id, AlertsRequest body, CancellationToken ct) => Answer(w.AddAlertsAsync(h, id, body.AlertIds, ct)))
            .WithSummary("Add alerts: linked, with their timeline entries and observables (already linked ones are skipped).");
        incidents.MapPost("/{id:long}/observables", (HttpContext h, IncidentWork w, long id, ObservableRequest body, CancellationToken ct) => Answer(w.AddObservableAsync(h, id, body.Kind, body.Value, ct)))
            .WithSummary("Add an observable by hand: account, ip, domain, file, url or hash.");
        incidents.MapPost("/{id:long}/timeline", (HttpContext h, IncidentWork w, long id, TimelineRequest body, CancellationToken ct) => Answer(w.AddTimelineAsync(h, id, body.Text, body.At, ct)))
            .WithSummary("Add a timeline entry (1 to 4,000 characters, stored sealed); at defaults to now.");
        incidents.MapPost("/{id:long}/tasks/{number:int}/done", (HttpContext h, IncidentWork w, long id, int number, TaskDoneRequest? body, CancellationToken ct) => Answer(w.CompleteTaskAsync(h, id, number, body?.Note, ct)))
            .WithSummary("Mark a task done by the caller now, with an optional note (stored sealed); 404 when there is no such open task.");
        incidents.MapPost("/{id:long}/comments", (HttpContext h, IncidentWork w, long id, CommentRequest body, CancellationToken ct) => Answer(w.CommentAsync(h, id, body.Text, ct)))
            .WithSummary("Comment (1 to 4,000 characters, stored sealed).");
        app.MapGet("/api/v1/playbooks", (PlaybookCatalog playbooks) => TypedResults.Ok(playbooks.All.Select(static p => new PlaybookItem(p.Id, p.Name, p.Description, p.Steps.Count)).ToList()))
            .WithTags("Incidents").RequireAuthorization(Policies.Respond).WithSummary("The playbooks an incident can be opened with.");
    }

    private static async Task<Results<Ok<IncidentPageAnswer>, ProblemHttpResult>> ListAsync(
        IVigilStore store, string? status, string? severity, string? owner, string? q, long? before, int? limit, CancellationToken ct)
    {
        IncidentStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, CultureInfo.InvariantCulture, out _))
            {
                return TypedResults.Problem($"status: one of {string.Join(", ", Enum.GetNames<IncidentStatus>())}", statusCode: 400);
            }

            wanted = parsed;
        }

        if (!string.IsNullOrEmpty(severity) && !IncidentSeverity.IsValid(severity))
        {
            return TypedResults.Problem($"severity: one of {string.Join(", ", IncidentSeverity.All)}", statusCode: 400);
        }

        var size = Math.Clamp(limit ?? 50, 1, 500);
        var page = await store.Incidents.ListAsync(new IncidentQuery(wanted, false, size, NullIfEmpty(severity), NullIfEmpty(owner), NullIfEmpty(q), before), ct).ConfigureAwait(false);
        var counts = await store.Incidents.CountByStatusAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new IncidentPageAnswer(
            [.. page.Select(IncidentItem.From)],
            page.Count == size ? page[^1].Id : null,
            counts.ToDictionary(static c => c.Key.ToString(), static c => c.Value)));
    }

    private static async Task<Results<Created<IncidentItem>, ProblemHttpResult>> OpenAsync(HttpContext http, IncidentWork work, IVigilStore store, OpenIncidentRequest body, CancellationToken ct)
    {
        var result = await work.OpenAsync(http, body, ct).ConfigureAwait(false);
        if (result.Outcome != WorkOutcome.Done)
        {
            return TypedResults.Problem(result.Problem, statusCode: 400);
        }

        var incident = (await store.Incidents.GetAsync(result.IncidentId, ct).ConfigureAwait(false))!;
        return TypedResults.Created($"/api/v1/incidents/{incident.Id.ToString(CultureInfo.InvariantCulture)}", IncidentItem.From(incident));
    }

    private static async Task<Results<Ok<IncidentDetailAnswer>, NotFound>> GetAsync(IVigilStore store, long id, CancellationToken ct)
    {
        if (await IncidentDetails.LoadAsync(store, id, ct).ConfigureAwait(false) is not { } d)
        {
            return TypedResults.NotFound();
        }

        var self = id.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new IncidentDetailAnswer(
            IncidentItem.From(d.Incident),
            d.Description,
            [.. d.Next.Select(static s => s.ToString())],
            [.. d.Alerts.Select(AlertItem.From)],
            d.Observables,
            d.Timeline,
            d.Tasks,
            d.Comments,
            new Dictionary<string, string>
            {
                ["page"] = $"/incidents/{self}",
                ["evidence"] = $"/incidents/{self}/evidence",
                ["breach"] = $"/incidents/{self}/breach",
            }));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Answer(Task<WorkResult> change)
    {
        var result = await change.ConfigureAwait(false);
        return result.Outcome switch
        {
            WorkOutcome.Done => TypedResults.NoContent(),
            WorkOutcome.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Problem(result.Problem, statusCode: 400),
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Web.Incidents;

/// <summary>Everything the incident page and <c>GET /api/v1/incidents/{id}</c> show of one incident.</summary>
/// <param name="Incident">The incident.</param>
/// <param name="Description">Its description (opened from its seal), or null.</param>
/// <param name="Next">The statuses it may move to.</param>
/// <param name="Alerts">Its linked alerts that still exist.</param>
/// <param name="Observables">Its observables.</param>
/// <param name="Timeline">Its timeline in time order.</param>
/// <param name="Tasks">Its tasks in number order.</param>
/// <param name="Comments">Its comments, oldest first.</param>
internal sealed record IncidentDetails(
    Incident Incident,
    string? Description,
    IReadOnlyList<IncidentStatus> Next,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<Observable> Observables,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<IncidentTask> Tasks,
    IReadOnlyList<IncidentComment> Comments)
{
    /// <summary>The incident's details, or null when there is no such incident.</summary>
    public static async Task<IncidentDetails?> LoadAsync(IVigilStore store, long id, CancellationToken ct)
    {
        if (await store.Incidents.GetAsync(id, ct).ConfigureAwait(false) is not { } incident)
        {
            return null;
        }

        var alerts = new List<Alert>();
        foreach (var alertId in await store.Incidents.ListAlertIdsAsync(id, ct).ConfigureAwait(false))
        {
            if (await store.Alerts.GetAsync(alertId, ct).ConfigureAwait(false) is { } alert)
            {
                alerts.Add(alert);
            }
        }

        return new IncidentDetails(
            incident,
            await store.Incidents.GetDescriptionAsync(id, ct).ConfigureAwait(false),
            IncidentLifecycle.Next(incident.Status),
            alerts,
            await store.Incidents.ListObservablesAsync(id, ct).ConfigureAwait(false),
            await store.Incidents.ListTimelineAsync(id, ct).ConfigureAwait(false),
            await store.Incidents.ListTasksAsync(id, ct).ConfigureAwait(false),
            await store.Incidents.ListCommentsAsync(id, ct).ConfigureAwait(false));
    }
}

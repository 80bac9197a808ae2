using Vigil.Response.Incidents;
using Vigil.Response.Playbooks;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;

namespace Vigil.Storage.Incidents;

/// <summary>
/// Opens an incident from alerts (or none), or adds alerts to one: links them, builds the timeline and observables from
/// their events, applies a playbook. The CLI (<c>vigil incidents open</c>) and the web app both come through here.
/// </summary>
public static class IncidentOpening
{
    /// <summary>Events read per alert for the timeline and observables (an alert keeps up to 1,000).</summary>
    public const int EventsPerAlert = 200;

    /// <summary>
    /// Opens the incident; when an alert id is unknown nothing is created and the result lists the unknown ids.
    /// </summary>
    public static async Task<IncidentOpened> OpenAsync(IVigilStore store, NewIncident incident, IReadOnlyList<long> alertIds, Playbook? playbook, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alertIds);
        var (alerts, missing) = await FindAlertsAsync(store, alertIds, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            return new IncidentOpened(null, missing, 0, 0);
        }

        var opened = await store.Incidents.CreateAsync(incident with { Playbook = playbook?.Id ?? incident.Playbook }, actor, cancellationToken).ConfigureAwait(false);
        var (entries, added) = await AppendAsync(store, opened.Id, alerts, cancellationToken).ConfigureAwait(false);
        if (playbook is not null)
        {
            await store.Incidents.AddTasksAsync(opened.Id, playbook.ToTasks(), cancellationToken).ConfigureAwait(false);
        }

        return new IncidentOpened(opened, [], entries, added);
    }

    /// <summary>
    /// Adds alerts to an existing incident as <see cref="OpenAsync"/> does (alerts already linked are skipped); when an
    /// alert id or the incident is unknown nothing changes (<see cref="IncidentOpened.Incident"/> is null and the
    /// unknown alert ids are listed; an unknown incident lists none).
    /// </summary>
    public static async Task<IncidentOpened> AddAlertsAsync(IVigilStore store, long incidentId, IReadOnlyList<long> alertIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(alertIds);
        if (await store.Incidents.GetAsync(incidentId, cancellationToken).ConfigureAwait(false) is not { } incident)
        {
            return new IncidentOpened(null, [], 0, 0);
        }

        var (alerts, missing) = await FindAlertsAsync(store, alertIds, cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            return new IncidentOpened(null, missing, 0, 0);
        }

        var linked = (await store.Incidents.ListAlertIdsAsync(incidentId, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var (entries, added) = await AppendAsync(store, incidentId, [.. alerts.Where(a => !linked.Contains(a.Id))], cancellationToken).ConfigureAwait(false);
        return new IncidentOpened(incident, [], entries, added);
    }

    private static async Task<(List<Alert> Alerts, List<long> Missing)> FindAlertsAsync(IVigilStore store, IReadOnlyList<long> alertIds, CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>();
        var missing = new List<long>();
        foreach (var id in alertIds.Distinct())
        {
            if (await store.Alerts.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } alert)
            {
                alerts.Add(alert);
            }
            else
            {
                missing.Add(id);
            }
        }

        return (alerts, missing);
    }

    /// <summary>Links the alerts and adds their timeline entries and observables; returns how many of each were added.</summary>
    private static async Task<(int Entries, int Observables)> AppendAsync(IVigilStore store, long incidentId, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        await store.Incidents.LinkAlertsAsync(incidentId, [.. alerts.Select(a => a.Id)], cancellationToken).ConfigureAwait(false);
        var entries = 0;
        var observables = new List<Observable>();
        foreach (var alert in alerts)
        {
            var events = new List<EventFacts>();
            foreach (var eventId in alert.EventIds.Take(EventsPerAlert))
            {
                await foreach (var e in store.Events.SearchAsync(new EventQuery(AfterId: eventId - 1, Limit: 1), cancellationToken).ConfigureAwait(false))
                {
                    if (e.Id == eventId)
                    {
                        events.Add(new EventFacts(e.Id, e.Timestamp, e.SourceType, AlertTimeline.ActionOf(e.Fields)));
                        observables.AddRange(ObservableExtractor.Extract(e.Fields, $"event:{e.Id}"));
                    }
                }
            }

            foreach (var (at, source, text) in AlertTimeline.Entries(new AlertFacts(alert.Id, alert.RuleTitle, alert.Level, alert.FirstSeen, alert.Count), events))
            {
                await store.Incidents.AddTimelineEntryAsync(incidentId, at, source, text, "system", cancellationToken).ConfigureAwait(false);
                entries++;
            }
        }

        var added = observables.Count == 0 ? 0 : await store.Incidents.AddObservablesAsync(incidentId, observables, cancellationToken).ConfigureAwait(false);
        return (entries, added);
    }
}

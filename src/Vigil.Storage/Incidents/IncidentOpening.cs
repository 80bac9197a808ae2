using Vigil.Response.Incidents;
using Vigil.Response.Playbooks;
using Vigil.Storage.Events;

namespace Vigil.Storage.Incidents;

/// <summary>Opens an incident from alerts (or none): links them, builds the timeline and observables from their events, applies a playbook.</summary>
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
        var alerts = new List<Alerts.Alert>();
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

        if (missing.Count > 0)
        {
            return new IncidentOpened(null, missing, 0, 0);
        }

        var opened = await store.Incidents.CreateAsync(incident with { Playbook = playbook?.Id ?? incident.Playbook }, actor, cancellationToken).ConfigureAwait(false);
        await store.Incidents.LinkAlertsAsync(opened.Id, [.. alerts.Select(a => a.Id)], cancellationToken).ConfigureAwait(false);
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
                await store.Incidents.AddTimelineEntryAsync(opened.Id, at, source, text, "system", cancellationToken).ConfigureAwait(false);
                entries++;
            }
        }

        var added = await store.Incidents.AddObservablesAsync(opened.Id, observables, cancellationToken).ConfigureAwait(false);
        if (playbook is not null)
        {
            await store.Incidents.AddTasksAsync(opened.Id, playbook.ToTasks(), cancellationToken).ConfigureAwait(false);
        }

        return new IncidentOpened(opened, [], entries, added);
    }
}

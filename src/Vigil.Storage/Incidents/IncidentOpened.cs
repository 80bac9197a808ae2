using Vigil.Response.Incidents;

namespace Vigil.Storage.Incidents;

/// <summary>What <see cref="IncidentOpening.OpenAsync"/> did.</summary>
/// <param name="Incident">The incident, or null when an alert was unknown.</param>
/// <param name="UnknownAlerts">Alert ids that do not exist (nothing was created).</param>
/// <param name="TimelineEntries">Timeline entries derived from the alerts and their events.</param>
/// <param name="Observables">Observables found in the events.</param>
public sealed record IncidentOpened(Incident? Incident, IReadOnlyList<long> UnknownAlerts, int TimelineEntries, int Observables);

using Vigil.Response.Incidents;

namespace Vigil.Storage.Incidents;

/// <summary>Incidents, their timeline, tasks, comments, observables, linked alerts, reminders and sealed documents.</summary>
/// <remarks>
/// Thread-safe; times come from the store's <see cref="TimeProvider"/>. Sealed documents are encrypted (see
/// docs/incidents.md, "Envelope encryption") and every put or get is written to the custody log. What people type
/// (description, comments, timeline text, task notes) is sealed under the incident's data key (docs/web-incidents.md).
/// </remarks>
public interface IIncidentStore
{
    /// <summary>Opens an incident (status <see cref="IncidentStatus.New"/>, reference <c>INC-YYYY-NNNN</c>).</summary>
    /// <exception cref="ArgumentException">The severity is not one of <see cref="IncidentSeverity.All"/> or the title is empty.</exception>
    Task<Incident> CreateAsync(NewIncident incident, string actor, CancellationToken cancellationToken);

    /// <summary>One incident by id, or null.</summary>
    Task<Incident?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>One incident by reference (case-insensitive), or null.</summary>
    Task<Incident?> GetByReferenceAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Incidents, newest first.</summary>
    Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken cancellationToken);

    /// <summary>Moves an incident to <paramref name="status"/> and records it on the timeline; false when there is no such incident.</summary>
    Task<bool> UpdateStatusAsync(long id, IncidentStatus status, string actor, CancellationToken cancellationToken);

    /// <summary>Moves an incident from <paramref name="from"/> to <paramref name="to"/>; false when there is no such incident or its status is no longer <paramref name="from"/> (someone else moved it).</summary>
    Task<bool> MoveStatusAsync(long id, IncidentStatus from, IncidentStatus to, string actor, CancellationToken cancellationToken);

    /// <summary>How many incidents there are in each status (every status present, zero included).</summary>
    Task<IReadOnlyDictionary<IncidentStatus, int>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>The description given when the incident was opened (stored sealed), or null.</summary>
    /// <exception cref="Protection.ProtectionException">The master key is wrong or the text was altered.</exception>
    Task<string?> GetDescriptionAsync(long id, CancellationToken cancellationToken);

    /// <summary>The incidents an alert is linked to, newest first.</summary>
    Task<IReadOnlyList<Incident>> ListForAlertAsync(long alertId, CancellationToken cancellationToken);

    /// <summary>Sets (or clears) the owner and records it on the timeline; false when there is no such incident.</summary>
    Task<bool> SetOwnerAsync(long id, string? owner, string actor, CancellationToken cancellationToken);

    /// <summary>Adds a timeline entry (its text is stored sealed).</summary>
    Task<TimelineEntry> AddTimelineEntryAsync(long incidentId, DateTimeOffset at, string source, string text, string actor, CancellationToken cancellationToken);

    /// <summary>The timeline in time order.</summary>
    Task<IReadOnlyList<TimelineEntry>> ListTimelineAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Appends tasks, numbered after the existing ones; returns them.</summary>
    Task<IReadOnlyList<IncidentTask>> AddTasksAsync(long incidentId, IReadOnlyList<NewIncidentTask> tasks, CancellationToken cancellationToken);

    /// <summary>The tasks in number order.</summary>
    Task<IReadOnlyList<IncidentTask>> ListTasksAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Marks task <paramref name="number"/> done by <paramref name="doneBy"/> now; false when there is no such task or it is already done.</summary>
    Task<bool> CompleteTaskAsync(long incidentId, int number, string doneBy, CancellationToken cancellationToken);

    /// <summary>Marks task <paramref name="number"/> done as above, keeping <paramref name="note"/> (sealed) when given.</summary>
    Task<bool> CompleteTaskAsync(long incidentId, int number, string doneBy, string? note, CancellationToken cancellationToken);

    /// <summary>Adds a comment (its text is stored sealed).</summary>
    Task<IncidentComment> AddCommentAsync(long incidentId, string author, string text, CancellationToken cancellationToken);

    /// <summary>The comments, oldest first.</summary>
    Task<IReadOnlyList<IncidentComment>> ListCommentsAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Adds observables (a kind and value already present is skipped); returns how many were new.</summary>
    Task<int> AddObservablesAsync(long incidentId, IReadOnlyList<Observable> observables, CancellationToken cancellationToken);

    /// <summary>The observables by kind, then value.</summary>
    Task<IReadOnlyList<Observable>> ListObservablesAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Links alerts to the incident (already linked ones are skipped).</summary>
    Task LinkAlertsAsync(long incidentId, IReadOnlyList<long> alertIds, CancellationToken cancellationToken);

    /// <summary>The linked alert ids, ascending.</summary>
    Task<IReadOnlyList<long>> ListAlertIdsAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Records that reminder <paramref name="key"/> was raised for the incident; false when it already was (each reminder once).</summary>
    Task<bool> MarkReminderAsync(long incidentId, string key, CancellationToken cancellationToken);

    /// <summary>The reminder keys already raised for the incident.</summary>
    Task<IReadOnlySet<string>> ListRemindersAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Stores (replacing) document <paramref name="kind"/> of the incident encrypted under a new data key; written to the custody log.</summary>
    Task PutSealedDocumentAsync(long incidentId, string kind, ReadOnlyMemory<byte> plaintext, string actor, CancellationToken cancellationToken);

    /// <summary>Decrypts document <paramref name="kind"/> of the incident, or null when absent; written to the custody log.</summary>
    /// <exception cref="Protection.ProtectionException">The master key is wrong or the document was altered.</exception>
    Task<byte[]?> GetSealedDocumentAsync(long incidentId, string kind, string actor, CancellationToken cancellationToken);

    /// <summary>The kinds of sealed documents the incident has.</summary>
    Task<IReadOnlyList<string>> ListSealedDocumentKindsAsync(long incidentId, CancellationToken cancellationToken);
}

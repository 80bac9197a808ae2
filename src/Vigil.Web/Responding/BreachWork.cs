using Vigil.Response.Breach;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Breach;
using Vigil.Storage.Incidents;
using Vigil.Web.Discovery;

namespace Vigil.Web.Responding;

/// <summary>
/// What the evidence and breach pages and their API do, in one place: scoping (scan-phi on an evidence item or on the
/// path of a discovery scan, values sealed, never stored in clear), the risk, the decisions, the clocks and the
/// notifications sent. Callers check the policy and audit; logs carry ids and counts only.
/// </summary>
internal sealed partial class BreachWork(IVigilStore store, DiscoveryScans scans, WebOptions options, TimeProvider time)
{
    public IVigilStore Store => store;

    public Task<Incident?> IncidentAsync(long id, CancellationToken ct) => store.Incidents.GetAsync(id, ct);

    public Task<BreachAssessment?> AssessmentAsync(long incidentId, string actor, CancellationToken ct) => BreachDocuments.ReadAsync(store.Incidents, incidentId, actor, ct);

    /// <summary>The incident's clocks (for the assessed number of people, when known) and whether each is met.</summary>
    public async Task<(IReadOnlyList<ClockView> Clocks, IReadOnlyList<NotificationRecord> Sent)> ClocksAsync(Incident incident, BreachAssessment? assessment, CancellationToken ct)
    {
        var sent = await store.BreachNotifications.ListAsync(incident.Id, ct).ConfigureAwait(false);
        var clocks = new DeadlineClock(time).For(incident, assessment?.Scope.People)
            .Select(c => new ClockView(c, sent.FirstOrDefault(r => r.Key == c.Key)))
            .ToList();
        return (clocks, sent);
    }

    /// <summary>Scans evidence item <paramref name="evidenceId"/> in place (no plaintext copy: <see cref="EvidenceScoping"/>) and assesses the breach.</summary>
    public async Task<(BreachAssessment? Assessment, int Problems, string? Error)> ScopeFromEvidenceAsync(Incident incident, long evidenceId, string actor, CancellationToken ct)
    {
        var result = await EvidenceScoping.ScanAsync(store.Evidence, incident.Id, evidenceId, scans.Vocabulary, actor, static _ => { }, ct).ConfigureAwait(false);
        return result is null
            ? (null, 0, $"evidence {evidenceId}: no such item of this incident")
            : await AssessAsync(incident, result, actor, ct).ConfigureAwait(false);
    }

    /// <summary>Scans the file or folder of discovery scan <paramref name="scanId"/> again (it must still be under an allowed root) and assesses the breach.</summary>
    public async Task<(BreachAssessment? Assessment, int Problems, string? Error)> ScopeFromScanAsync(Incident incident, long scanId, string actor, CancellationToken ct)
    {
        if (await store.PhiScans.GetAsync(scanId, ct).ConfigureAwait(false) is not { } scan)
        {
            return (null, 0, $"scan {scanId}: no such discovery scan");
        }

        return scans.Paths.Resolve(scan.Path, out var error) is { } path
            ? await ScopeAsync(incident, path, actor, ct).ConfigureAwait(false)
            : (null, 0, $"scan {scanId}: {error}");
    }

    public Task<BreachAssessment?> DecideAsync(Incident incident, bool regulator, bool individuals, string reason, string actor, CancellationToken ct)
        => BreachDocuments.DecideAsync(store.Incidents, incident, regulator, individuals, reason, actor, time, ct);

    /// <summary>Records a person's likelihood and severity; null when the incident is not assessed.</summary>
    public async Task<BreachAssessment?> RecordRiskAsync(Incident incident, Likelihood likelihood, Severity severity, string reasoning, string actor, CancellationToken ct)
    {
        if (await AssessmentAsync(incident.Id, actor, ct).ConfigureAwait(false) is not { } assessment)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var updated = assessment.WithRisk(likelihood, severity, reasoning, actor, now);
        await BreachDocuments.WriteAsync(store.Incidents, incident.Id, updated, actor, ct).ConfigureAwait(false);
        await store.Incidents.AddTimelineEntryAsync(incident.Id, now, "notify", $"Risk recorded by {actor}: likelihood {(int)likelihood}, severity {(int)severity}, {updated.Risk.Level}", actor, ct).ConfigureAwait(false);
        return updated;
    }

    /// <summary>Records a notification as sent (its deadline is met); the record, or why not.</summary>
    public async Task<(NotificationRecord? Record, string? Error)> MarkSentAsync(Incident incident, string? jurisdiction, string? deadline, string? phase, DateTimeOffset sentAt, string? reference, string actor, CancellationToken ct)
    {
        if (!NotificationTargets.IsKnown(jurisdiction, deadline, out var reason))
        {
            return (null, reason);
        }

        if (!NotificationPhases.IsValid(phase))
        {
            return (null, $"phase: use one of {string.Join(", ", NotificationPhases.All)}");
        }

        if (sentAt > time.GetUtcNow().AddMinutes(5))
        {
            return (null, "sentAt: a notification cannot be sent in the future");
        }

        if (reference is { Length: > 200 })
        {
            return (null, "reference: at most 200 characters");
        }

        var record = await store.BreachNotifications.RecordAsync(incident.Id, new NewNotificationRecord(jurisdiction!, deadline!, phase!, sentAt, reference), actor, ct).ConfigureAwait(false);
        if (record is not null)
        {
            await store.Incidents.AddTimelineEntryAsync(incident.Id, sentAt, "notify", $"{record.Key} notified ({record.Phase}), recorded by {actor}", actor, ct).ConfigureAwait(false);
        }

        return (record, record is null ? "no such incident" : null);
    }

    private async Task<(BreachAssessment? Assessment, int Problems, string? Error)> ScopeAsync(Incident incident, string path, string actor, CancellationToken ct)
        => await AssessAsync(incident, await Task.Run(() => EvidenceScope.Run([path], scans.Vocabulary, static _ => { }, ct), ct).ConfigureAwait(false), actor, ct).ConfigureAwait(false);

    private async Task<(BreachAssessment? Assessment, int Problems, string? Error)> AssessAsync(Incident incident, EvidenceScopeResult result, string actor, CancellationToken ct)
    {
        var assessment = await BreachDocuments.AssessAsync(store.Incidents, incident, result.Subjects, null, actor, time, ct).ConfigureAwait(false);
        return (assessment, result.Problems, null);
    }
}

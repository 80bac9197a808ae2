using Vigil.Discovery.Subjects;
using Vigil.Response.Breach;
using Vigil.Response.Documents;
using Vigil.Response.Incidents;
using Vigil.Storage.Incidents;

namespace Vigil.Storage.Breach;

/// <summary>
/// The breach work the CLI (<c>vigil notify</c>) and the web app share, over the incident's sealed documents: the
/// assessment (counts only) and the revealed subjects (patient data, only ever sealed). Every read and write of a
/// sealed document goes to the custody log under the actor; timeline entries carry counts, never patient data.
/// </summary>
public static class BreachDocuments
{
    /// <summary>The incident's assessment of <paramref name="kind"/> (<see cref="BreachJson.AssessmentKind"/> by default), or null when absent or unreadable.</summary>
    public static async Task<BreachAssessment?> ReadAsync(IIncidentStore incidents, long incidentId, string actor, CancellationToken ct, string kind = BreachJson.AssessmentKind)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var bytes = await incidents.GetSealedDocumentAsync(incidentId, kind, actor, ct).ConfigureAwait(false);
        return bytes is null ? null : BreachJson.ReadAssessment(bytes);
    }

    /// <summary>Seals <paramref name="assessment"/> as the incident's document <paramref name="kind"/>.</summary>
    public static Task WriteAsync(IIncidentStore incidents, long incidentId, BreachAssessment assessment, string actor, CancellationToken ct, string kind = BreachJson.AssessmentKind)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        return incidents.PutSealedDocumentAsync(incidentId, kind, BreachJson.Write(assessment), actor, ct);
    }

    /// <summary>
    /// Assesses the breach from <paramref name="subjects"/> (with values: they are sealed, never stored in clear) and
    /// <paramref name="facts"/> (null: the facts of the previous assessment, or the defaults), seals both and adds a
    /// timeline entry with the counts. The decisions of a previous assessment are not carried over: decide again.
    /// </summary>
    public static async Task<BreachAssessment> AssessAsync(IIncidentStore incidents, Incident incident, IReadOnlyList<DataSubject> subjects, BreachFacts? facts, string actor, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(time);
        var known = facts ?? (await ReadAsync(incidents, incident.Id, actor, ct).ConfigureAwait(false))?.Facts ?? new BreachFacts();
        await incidents.PutSealedDocumentAsync(incident.Id, BreachJson.SubjectsKind, BreachJson.Write(subjects), actor, ct).ConfigureAwait(false);
        return await BuildAsync(incidents, incident, subjects, known, actor, time, "Breach assessed", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Assesses the breach again with new <paramref name="facts"/> over the subjects already scoped (the CLI's
    /// <c>notify facts</c>, the web form and API): the same assessment as <see cref="AssessAsync"/>, so the risk and
    /// rulings follow the facts; decisions and a person's recorded risk are not carried over. Null when the incident
    /// is not assessed yet or its subjects are unreadable: scope it first.
    /// </summary>
    public static async Task<BreachAssessment?> ReassessAsync(IIncidentStore incidents, Incident incident, BreachFacts facts, string actor, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(time);
        if (await ReadAsync(incidents, incident.Id, actor, ct).ConfigureAwait(false) is null)
        {
            return null;
        }

        var bytes = await incidents.GetSealedDocumentAsync(incident.Id, BreachJson.SubjectsKind, actor, ct).ConfigureAwait(false);
        return bytes is null || BreachJson.ReadSubjects(bytes) is not { } subjects
            ? null
            : await BuildAsync(incidents, incident, subjects, facts, actor, time, "Breach facts changed and the breach assessed again", ct).ConfigureAwait(false);
    }

    /// <summary>Records the decisions on the current assessment and a timeline entry; null when the incident is not assessed.</summary>
    public static async Task<BreachAssessment?> DecideAsync(IIncidentStore incidents, Incident incident, bool regulator, bool individuals, string reason, string actor, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(time);
        if (await ReadAsync(incidents, incident.Id, actor, ct).ConfigureAwait(false) is not { } assessment)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var decided = assessment.Decide(regulator, individuals, reason, actor, now);
        await WriteAsync(incidents, incident.Id, decided, actor, ct).ConfigureAwait(false);
        await incidents.AddTimelineEntryAsync(incident.Id, now, "notify",
            $"Notification decided by {actor}: regulator {(regulator ? "yes" : "no")}, individuals {(individuals ? "yes" : "no")}", actor, ct).ConfigureAwait(false);
        return decided;
    }

    /// <summary>
    /// One letter per affected person (patient data: keep only as long as it takes to write them out), or why not:
    /// not assessed, no decision to tell the individuals, the subjects missing, or the template's problems.
    /// </summary>
    public static async Task<(IReadOnlyList<PatientLetter> Letters, string? Error)> LettersAsync(IIncidentStore incidents, Incident incident, string template, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (await ReadAsync(incidents, incident.Id, actor, ct).ConfigureAwait(false) is not { } assessment)
        {
            return ([], $"{incident.Reference}: not assessed yet");
        }

        if (assessment.IndividualsDecision is not { Notify: true })
        {
            return ([], $"{incident.Reference}: no decision to tell the individuals");
        }

        var bytes = await incidents.GetSealedDocumentAsync(incident.Id, BreachJson.SubjectsKind, actor, ct).ConfigureAwait(false);
        if (bytes is null || BreachJson.ReadSubjects(bytes) is not { } subjects)
        {
            return ([], $"{incident.Reference}: the subjects are missing or unreadable: assess again");
        }

        var (letters, problems) = Letters.Render(TextTemplate.Parse(template), assessment, BreachScoping.People(subjects), now);
        return problems.Count > 0 ? ([], $"the letter template: {string.Join("; ", problems)}") : (letters, null);
    }

    private static async Task<BreachAssessment> BuildAsync(IIncidentStore incidents, Incident incident, IReadOnlyList<DataSubject> subjects, BreachFacts facts, string actor, TimeProvider time, string what, CancellationToken ct)
    {
        var assessment = new BreachAssessmentBuilder(time).Build(incident, facts, subjects);
        await WriteAsync(incidents, incident.Id, assessment, actor, ct).ConfigureAwait(false);
        var s = assessment.Scope;
        await incidents.AddTimelineEntryAsync(incident.Id, time.GetUtcNow(), "notify",
            $"{what} by {actor}: {s.People} people, {s.Records} records, health data of {s.PeopleWithHealth}; risk {assessment.Risk.Level}", actor, ct).ConfigureAwait(false);
        return assessment;
    }
}

using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;

namespace Vigil.Web.Responding;

/// <summary>The breach facts from the page's form and the API: checked, then the breach assessed again with them (as <c>vigil notify facts</c> does).</summary>
internal sealed partial class BreachWork
{
    /// <summary>
    /// Checks <paramref name="input"/> and, when right, assesses the breach again with the facts (sealed with the
    /// assessment; the timeline notes it). Errors name the fields; the assessment is null, without errors, when the
    /// incident is not assessed yet. <c>Changed</c> names the facts that changed, for the audit log;
    /// <c>DecisionsCleared</c> says the earlier assessment had decisions (made on it, so not carried over).
    /// <paramref name="unreadable"/> are fields the caller could not read (the form's times): errors too.
    /// </summary>
    public async Task<(BreachAssessment? Assessment, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> Changed, bool DecisionsCleared)> RecordFactsAsync(
        Incident incident, BreachFactsInput input, string actor, CancellationToken ct, IReadOnlyDictionary<string, string>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(unreadable ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (field, reason) in input.Check(time.GetUtcNow(), incident.AwareAt))
        {
            errors.TryAdd(field, reason);
        }

        if (errors.Count > 0)
        {
            return (null, errors, [], false);
        }

        var before = await AssessmentAsync(incident.Id, actor, ct).ConfigureAwait(false);
        var facts = input.ToFacts();
        var assessment = before is null ? null : await BreachDocuments.ReassessAsync(store.Incidents, incident, facts, actor, time, ct).ConfigureAwait(false);
        return (assessment, errors, assessment is null ? [] : BreachFactsInput.Changed(before!.Facts, facts), before?.RegulatorDecision is not null);
    }

    /// <summary>The audit detail of a change of facts: the fields changed and the new risk level, never what they say.</summary>
    public static string FactsAuditDetail(IReadOnlyList<string> changed, BreachAssessment assessment)
        => $"changed: {(changed.Count == 0 ? "nothing" : string.Join(", ", changed))}; risk {assessment.Risk.Level}";
}

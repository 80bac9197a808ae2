using Vigil.Discovery.Subjects;
using Vigil.Response.Incidents;

namespace Vigil.Response.Breach;

/// <summary>Builds an incident's breach assessment from the scan-phi subjects of its evidence and the recorded facts.</summary>
/// <param name="time">The clock that dates the assessment.</param>
public sealed class BreachAssessmentBuilder(TimeProvider time)
{
    /// <summary>Assesses the breach; the people's decisions are recorded later with <see cref="BreachAssessment.Decide"/>.</summary>
    public BreachAssessment Build(Incident incident, BreachFacts facts, IReadOnlyList<DataSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(subjects);
        var scope = BreachScoping.Scope(subjects);
        var risk = RiskAssessor.Assess(scope, facts);
        var jurisdictions = incident.Jurisdictions.Count == 0 ? ["uk-gdpr"] : incident.Jurisdictions;
        var rulings = jurisdictions.Select(j => JurisdictionRules.Rule(j, scope, risk, facts, incident.AwareAt)).ToList();
        return new BreachAssessment(incident.Reference, incident.AwareAt, time.GetUtcNow(), facts, scope, risk, rulings);
    }
}

namespace Vigil.Response.Breach;

/// <summary>
/// The breach assessment of one incident: whether personal data was involved, its scope in counts, the risk to people,
/// what each jurisdiction's law requires, and the people's decisions. Holds no patient data.
/// </summary>
/// <param name="IncidentReference">The incident's reference (<c>INC-2026-0001</c>).</param>
/// <param name="AwareAt">When the organisation became aware (clocks start here).</param>
/// <param name="AssessedAt">When this assessment was made.</param>
/// <param name="Facts">What people recorded about the breach.</param>
/// <param name="Scope">People and records, by category.</param>
/// <param name="Risk">Likelihood, severity and level.</param>
/// <param name="Rulings">One per jurisdiction of the incident.</param>
/// <param name="RegulatorDecision">The decision to notify the regulator, once made.</param>
/// <param name="IndividualsDecision">The decision to notify the individuals, once made.</param>
public sealed record BreachAssessment(
    string IncidentReference,
    DateTimeOffset AwareAt,
    DateTimeOffset AssessedAt,
    BreachFacts Facts,
    BreachScope Scope,
    BreachRisk Risk,
    IReadOnlyList<JurisdictionRuling> Rulings,
    NotificationDecision? RegulatorDecision = null,
    NotificationDecision? IndividualsDecision = null)
{
    /// <summary>Personal data was involved: at least one person's data was exposed.</summary>
    public bool PersonalDataInvolved => Scope.People > 0;

    /// <summary>Special category (health) data was involved.</summary>
    public bool SpecialCategory => Scope.PeopleWithHealth > 0;

    /// <summary>Any jurisdiction requires the regulator to be told.</summary>
    public bool RegulatorRequired => Rulings.Any(static r => r.RegulatorRequired);

    /// <summary>Any jurisdiction requires the people to be told.</summary>
    public bool IndividualsRequired => Rulings.Any(static r => r.IndividualsRequired);

    /// <summary>Records the people's decisions; each notes whether it agrees with what the law was found to require.</summary>
    public BreachAssessment Decide(bool regulator, bool individuals, string reason, string decidedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        return this with
        {
            RegulatorDecision = new NotificationDecision(regulator, reason, decidedBy, at, regulator == RegulatorRequired),
            IndividualsDecision = new NotificationDecision(individuals, reason, decidedBy, at, individuals == IndividualsRequired),
        };
    }

    /// <summary>
    /// Records a person's own likelihood and severity with their reasoning (Vigil's reasons are kept beside it); the
    /// level and each jurisdiction's ruling follow from the new values. The decisions already made are kept.
    /// </summary>
    public BreachAssessment WithRisk(Likelihood likelihood, Severity severity, string reasoning, string recordedBy, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasoning);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        if (!Enum.IsDefined(likelihood) || !Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(likelihood), "Likelihood and severity are 1 to 5.");
        }

        var risk = new BreachRisk(likelihood, severity, RiskAssessor.Level(likelihood, severity), Risk.Reasons, reasoning.Trim(), recordedBy, at);
        return this with
        {
            Risk = risk,
            Rulings = [.. Rulings.Select(r => JurisdictionRules.Rule(r.Jurisdiction, Scope, risk, Facts, AwareAt))],
        };
    }
}

using System.Globalization;
using Vigil.Response.Breach;

namespace Vigil.Response.Documents;

/// <summary>
/// The regulator notification draft: GDPR Art. 33(3)(a)-(d) (nature, categories and approximate numbers of people and
/// records; contact point; likely consequences; measures taken and proposed) and the reasons for a delay past the
/// deadline, in the jurisdiction's wording, filled into an editable template. Counts and categories only: the
/// assessment it is made from holds no patient identifier.
/// </summary>
public static class RegulatorDraft
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>
    /// Fills the template for one jurisdiction. A follow-up or final report lists what changed since <paramref name="initial"/> (the
    /// assessment the initial report was made from), or says it was not kept.
    /// </summary>
    public static TemplateResult Render(TextTemplate template, BreachAssessment assessment, string jurisdiction, NotificationPhase phase, BreachAssessment? initial, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(assessment);
        var authority = Authority.For(jurisdiction);
        var ruling = assessment.Rulings.FirstOrDefault(r => r.Jurisdiction == jurisdiction)
            ?? JurisdictionRules.Rule(jurisdiction, assessment.Scope, assessment.Risk, assessment.Facts, assessment.AwareAt);
        var facts = assessment.Facts;
        var scope = assessment.Scope;
        var deadline = ruling.RegulatorDeadline;
        var late = deadline is { } d && now > d;
        var values = new TemplateValues()
            .Text("organisation", facts.Organisation)
            .Text("contact_point", facts.ContactPoint)
            .Text("authority", authority.Name)
            .Text("law", authority.Law)
            .Text("route", authority.Route)
            .Text("deadline_rule", authority.Deadline)
            .Text("deadline", deadline is { } dl ? Date(dl) : "not required")
            .Text("incident_reference", assessment.IncidentReference)
            .Text("phase", phase switch { NotificationPhase.Initial => "Initial report", NotificationPhase.Final => "Final report", _ => "Follow-up report" })
            .Text("case_reference", facts.CaseReference ?? "not yet assigned")
            .Text("report_date", Date(now))
            .Text("aware_at", Date(assessment.AwareAt))
            .Text("occurred_at", facts.OccurredAt is { } o ? Date(o) : "not yet known")
            .Text("contained_at", facts.ContainedAt is { } c ? Date(c) : "not yet contained")
            .Text("discovered_how", facts.DiscoveredHow)
            .Text("nature", facts.Nature)
            .Text("description", facts.Description)
            .Text("cyber", facts.Cyber ? "Yes" : "No")
            .Text("people", scope.People.ToString(Culture))
            .Text("records", scope.Records.ToString(Culture))
            .Text("people_health", scope.PeopleWithHealth.ToString(Culture))
            .Text("people_contact", scope.PeopleWithContact.ToString(Culture))
            .Text("people_identity", scope.PeopleWithIdentity.ToString(Culture))
            .Text("staff_excluded", scope.CorrespondentsExcluded.ToString(Culture))
            .List("categories", scope.Categories.Select(DataLabels.Category).ToList())
            .List("data_types", scope.PeopleByType.Select(t => $"{DataLabels.Type(t.Key)}: {t.Value.ToString(Culture)} people").ToList())
            .List("consequences", Consequences.For(scope, facts))
            .Text("likelihood", $"{(int)assessment.Risk.Likelihood} of 5 ({assessment.Risk.Likelihood})")
            .Text("severity", $"{(int)assessment.Risk.Severity} of 5 ({assessment.Risk.Severity})")
            .Text("risk_level", assessment.Risk.Level.ToString())
            .List("risk_reasons", assessment.Risk.Reasons)
            .List("basis", ruling.Basis)
            .List("measures_taken", Or(facts.MeasuresTaken, "None recorded yet."))
            .List("measures_proposed", Or(facts.MeasuresProposed, "None recorded yet."))
            .Text("individuals_decision", Decision(assessment.IndividualsDecision))
            .Text("regulator_decision", Decision(assessment.RegulatorDecision))
            .Text("delay_reason", facts.DelayReason ?? "REASON FOR DELAY REQUIRED: state why this report is later than the deadline.")
            .List("changes", phase != NotificationPhase.Initial ? Changes(initial, assessment) : [])
            .Flag("follow_up", phase != NotificationPhase.Initial)
            .Flag("final", phase == NotificationPhase.Final)
            .Flag("late", late)
            .Flag("health", scope.PeopleWithHealth > 0)
            .Flag("encrypted", facts.Encrypted)
            .Flag("hipaa", jurisdiction == "us-hipaa")
            .Flag("media", ruling.MediaRequired);
        return template.Render(values);
    }

    /// <summary>What changed between the assessment the initial report used and the current one.</summary>
    public static IReadOnlyList<string> Changes(BreachAssessment? initial, BreachAssessment current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (initial is null)
        {
            return ["The initial report's assessment was not kept: this report restates every fact."];
        }

        var changes = new List<string>();
        void Compare(string what, object before, object after)
        {
            if (!Equals(before, after))
            {
                changes.Add($"{what}: was {before}, now {after}.");
            }
        }

        Compare("People affected", initial.Scope.People, current.Scope.People);
        Compare("Records affected", initial.Scope.Records, current.Scope.Records);
        Compare("People with health data", initial.Scope.PeopleWithHealth, current.Scope.PeopleWithHealth);
        Compare("People with contact details", initial.Scope.PeopleWithContact, current.Scope.PeopleWithContact);
        Compare("Risk level", initial.Risk.Level, current.Risk.Level);
        Compare("Contained", initial.Facts.ContainedAt is { } a ? Date(a) : "no", current.Facts.ContainedAt is { } b ? Date(b) : "no");
        changes.AddRange(current.Facts.MeasuresTaken.Except(initial.Facts.MeasuresTaken).Select(static m => $"New measure taken: {m}"));
        changes.AddRange(current.Facts.MeasuresProposed.Except(initial.Facts.MeasuresProposed).Select(static m => $"New measure proposed: {m}"));
        if (current.IndividualsDecision is { } d && initial.IndividualsDecision is null)
        {
            changes.Add($"Decision on telling the individuals: {Decision(d)}");
        }

        return changes.Count == 0 ? ["No change in the facts since the initial report."] : changes;
    }

    private static string Decision(NotificationDecision? d) => d is null
        ? "not yet decided"
        : $"{(d.Notify ? "yes" : "no")}, decided by {d.DecidedBy} on {Date(d.DecidedAt)}: {d.Reason}";

    private static IReadOnlyList<string> Or(IReadOnlyList<string> list, string none) => list.Count == 0 ? [none] : list;

    internal static string Date(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

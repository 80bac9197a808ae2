using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Response.Documents;
using Vigil.Response.Incidents;

namespace Vigil.Response.Breach;

/// <summary>The breach register: one entry per incident, assessed or not, exported as CSV or JSON.</summary>
public static class BreachRegister
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// The entry of an incident; an incident not yet assessed has its dates and "not assessed". The notifications
    /// recorded as sent (<paramref name="sent"/>) fill when the regulator and the people were told and the case
    /// reference, over what the facts say.
    /// </summary>
    public static BreachRegisterEntry Entry(Incident incident, BreachAssessment? assessment, IReadOnlyList<NotificationRecord>? sent = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var entry = Assessed(incident, assessment);
        if (sent is not { Count: > 0 })
        {
            return entry;
        }

        var regulator = sent.Where(static r => r.Deadline is not ("individuals" or "media")).OrderBy(static r => r.SentAt).ToList();
        var individuals = sent.Where(static r => r.Deadline == "individuals").OrderBy(static r => r.SentAt).ToList();
        return entry with
        {
            RegulatorNotifiedAt = regulator.Count > 0 ? regulator[0].SentAt : entry.RegulatorNotifiedAt,
            CaseReference = regulator.FirstOrDefault(static r => r.Reference is not null)?.Reference ?? entry.CaseReference,
            IndividualsNotified = individuals.Count > 0 ? $"told {Time(individuals[0].SentAt)}" : entry.IndividualsNotified,
            Notifications = [.. sent.Select(static r => $"{r.Jurisdiction} {r.Deadline} {r.Phase} sent {Time(r.SentAt)}{(r.Reference is null ? "" : " ref " + r.Reference)} (recorded by {r.RecordedBy})")],
        };
    }

    private static BreachRegisterEntry Assessed(Incident incident, BreachAssessment? assessment)
    {
        if (assessment is null)
        {
            return new BreachRegisterEntry { Reference = incident.Reference, Title = incident.Title, DiscoveredAt = incident.AwareAt };
        }

        var f = assessment.Facts;
        var s = assessment.Scope;
        var r = assessment.Risk;
        return new BreachRegisterEntry
        {
            Reference = incident.Reference,
            Title = incident.Title,
            OccurredAt = f.OccurredAt,
            DiscoveredAt = assessment.AwareAt,
            ContainedAt = f.ContainedAt,
            DiscoveredHow = f.DiscoveredHow,
            Nature = f.Nature,
            Description = f.Description,
            DataCategories = s.Categories,
            SpecialCategory = assessment.SpecialCategory,
            People = s.People,
            Records = s.Records,
            SubjectCategories = f.VulnerableGroups ? "patients, including vulnerable groups" : "patients",
            Encrypted = f.Encrypted,
            Cyber = f.Cyber,
            Consequences = Consequences.For(s, f),
            RiskAssessment = $"likelihood {(int)r.Likelihood} x severity {(int)r.Severity} = {r.Score} ({r.Level})",
            AuthoritiesRequired = assessment.Rulings.Where(static x => x.RegulatorRequired).Select(static x => x.Authority).ToList(),
            RegulatorDecision = Decision(assessment.RegulatorDecision),
            RegulatorNotifiedAt = f.RegulatorNotifiedAt,
            CaseReference = f.CaseReference,
            DelayReason = f.DelayReason,
            IndividualsDecision = Decision(assessment.IndividualsDecision),
            IndividualsNotified = f.IndividualsNotified,
            OtherBodiesTold = f.OtherBodiesTold,
            RemedialActions = f.MeasuresTaken.Concat(f.MeasuresProposed.Select(static m => "proposed: " + m)).ToList(),
            StaffInvolved = f.StaffInvolved,
            LessonsLearned = f.LessonsLearned,
        };
    }

    /// <summary>The register as a JSON array.</summary>
    public static string ToJson(IReadOnlyList<BreachRegisterEntry> entries) => JsonSerializer.Serialize(entries, Json);

    /// <summary>The register as CSV (RFC 4180), one row per entry, lists joined with <c>; </c>.</summary>
    public static string ToCsv(IReadOnlyList<BreachRegisterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder("reference,title,occurred_at,discovered_at,contained_at,discovered_how,nature,description,data_categories,special_category,people,records,subject_categories,encrypted,cyber,consequences,risk_assessment,authorities_required,regulator_decision,regulator_notified_at,case_reference,delay_reason,individuals_decision,individuals_notified,other_bodies_told,remedial_actions,staff_involved,lessons_learned,notifications\r\n");
        foreach (var e in entries)
        {
            string[] cells =
            [
                e.Reference, e.Title, Time(e.OccurredAt), Time(e.DiscoveredAt), Time(e.ContainedAt), e.DiscoveredHow ?? "", e.Nature ?? "",
                e.Description ?? "", string.Join("; ", e.DataCategories), Bool(e.SpecialCategory), e.People.ToString(CultureInfo.InvariantCulture),
                e.Records.ToString(CultureInfo.InvariantCulture), e.SubjectCategories, Bool(e.Encrypted), Bool(e.Cyber), string.Join("; ", e.Consequences),
                e.RiskAssessment, string.Join("; ", e.AuthoritiesRequired), e.RegulatorDecision, Time(e.RegulatorNotifiedAt), e.CaseReference ?? "",
                e.DelayReason ?? "", e.IndividualsDecision, e.IndividualsNotified ?? "", string.Join("; ", e.OtherBodiesTold),
                string.Join("; ", e.RemedialActions), e.StaffInvolved ?? "", e.LessonsLearned ?? "", string.Join("; ", e.Notifications),
            ];
            sb.AppendJoin(',', cells.Select(MailMergeCsv.Cell)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Decision(NotificationDecision? d) => d is null
        ? "not decided"
        : $"{(d.Notify ? "notify" : "do not notify")} ({d.DecidedBy}, {d.DecidedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC): {d.Reason}";

    private static string Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string Bool(bool b) => b ? "yes" : "no";
}

using System.Globalization;
using Vigil.Response.Breach;
using Vigil.Storage.Breach;

namespace Vigil.Web.Pages.Incidents;

/// <summary>
/// The breach page's facts form as posted: times as the browser's <c>datetime-local</c> text (UTC), lists one item a
/// line, checkboxes present when ticked. Field names are the API's (camelCase), so one set of messages serves both.
/// </summary>
internal sealed class BreachFactsForm
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm";

    public string[] Nature { get; set; } = [];

    public string? Description { get; set; }

    public string? OccurredAt { get; set; }

    public string? ContainedAt { get; set; }

    public string? DiscoveredHow { get; set; }

    public bool Cyber { get; set; }

    public bool Encrypted { get; set; }

    public bool PhishingObserved { get; set; }

    public bool VulnerableGroups { get; set; }

    public bool LowProbabilityOfCompromise { get; set; }

    public string? MeasuresTaken { get; set; }

    public string? MeasuresProposed { get; set; }

    public string? Organisation { get; set; }

    public string? ContactPoint { get; set; }

    public string? DelayReason { get; set; }

    public string? CaseReference { get; set; }

    public string? RegulatorNotifiedAt { get; set; }

    public string? IndividualsNotified { get; set; }

    public string? OtherBodiesTold { get; set; }

    public string? StaffInvolved { get; set; }

    public string? LessonsLearned { get; set; }

    /// <summary>The form filled with the recorded facts.</summary>
    public static BreachFactsForm From(BreachFacts facts)
    {
        var f = BreachFactsInput.From(facts);
        return new()
        {
            Nature = (f.Nature ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Description = f.Description,
            OccurredAt = Time(f.OccurredAt),
            ContainedAt = Time(f.ContainedAt),
            DiscoveredHow = f.DiscoveredHow,
            Cyber = f.Cyber is true,
            Encrypted = f.Encrypted is true,
            PhishingObserved = f.PhishingObserved is true,
            VulnerableGroups = f.VulnerableGroups is true,
            LowProbabilityOfCompromise = f.LowProbabilityOfCompromise is true,
            MeasuresTaken = Text(f.MeasuresTaken),
            MeasuresProposed = Text(f.MeasuresProposed),
            Organisation = f.Organisation,
            ContactPoint = f.ContactPoint,
            DelayReason = f.DelayReason,
            CaseReference = f.CaseReference,
            RegulatorNotifiedAt = Time(f.RegulatorNotifiedAt),
            IndividualsNotified = f.IndividualsNotified,
            OtherBodiesTold = Text(f.OtherBodiesTold),
            StaffInvolved = f.StaffInvolved,
            LessonsLearned = f.LessonsLearned,
        };
    }

    /// <summary>A time as the form shows it (UTC, to the minute), or empty.</summary>
    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) ?? "";

    /// <summary>What the API would be sent; a time that cannot be read is left out and named in <paramref name="unreadable"/>.</summary>
    public BreachFactsInput ToInput(out Dictionary<string, string> unreadable)
    {
        unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        return new BreachFactsInput
        {
            Nature = string.Join(", ", Nature),
            Description = Description ?? "",
            OccurredAt = When(OccurredAt, "occurredAt", "When the breach happened", unreadable),
            ContainedAt = When(ContainedAt, "containedAt", "When it was contained", unreadable),
            DiscoveredHow = DiscoveredHow ?? "",
            Cyber = Cyber,
            Encrypted = Encrypted,
            PhishingObserved = PhishingObserved,
            VulnerableGroups = VulnerableGroups,
            LowProbabilityOfCompromise = LowProbabilityOfCompromise,
            MeasuresTaken = Lines(MeasuresTaken),
            MeasuresProposed = Lines(MeasuresProposed),
            Organisation = Organisation ?? "",
            ContactPoint = ContactPoint ?? "",
            DelayReason = DelayReason,
            CaseReference = CaseReference,
            RegulatorNotifiedAt = When(RegulatorNotifiedAt, "regulatorNotifiedAt", "When the regulator was told", unreadable),
            IndividualsNotified = IndividualsNotified,
            OtherBodiesTold = Lines(OtherBodiesTold),
            StaffInvolved = StaffInvolved,
            LessonsLearned = LessonsLearned,
        };
    }

    private static string Text(List<string>? lines) => string.Join('\n', lines ?? []);

    private static List<string> Lines(string? text) => [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static DateTimeOffset? When(string? text, string field, string label, Dictionary<string, string> unreadable)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        unreadable[field] = $"{label}: not a date and time (for example 2026-03-01T09:30, UTC).";
        return null;
    }
}

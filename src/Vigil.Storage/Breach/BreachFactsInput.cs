using Vigil.Response.Breach;

namespace Vigil.Storage.Breach;

/// <summary>
/// Breach facts as people give them (the CLI's YAML file, the web form, the API's JSON): every field optional, an
/// absent one takes the <see cref="BreachFacts"/> default. <see cref="Check"/> names each wrong field and why, in words
/// a data protection officer uses, never quoting what was typed (it may hold patient data by mistake).
/// </summary>
public sealed class BreachFactsInput
{
    /// <summary>The nature: one or more of confidentiality, integrity, availability (comma separated).</summary>
    public string? Nature { get; set; }

    /// <summary>What happened, without personal data.</summary>
    public string? Description { get; set; }

    /// <summary>When the breach happened.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>When it was contained.</summary>
    public DateTimeOffset? ContainedAt { get; set; }

    /// <summary>Who discovered it and how.</summary>
    public string? DiscoveredHow { get; set; }

    /// <summary>Caused by a cyber incident (default yes).</summary>
    public bool? Cyber { get; set; }

    /// <summary>The data was encrypted (unintelligible to the attacker).</summary>
    public bool? Encrypted { get; set; }

    /// <summary>The data has been used to phish the people.</summary>
    public bool? PhishingObserved { get; set; }

    /// <summary>Children or vulnerable adults are among the people.</summary>
    public bool? VulnerableGroups { get; set; }

    /// <summary>HIPAA: a four-factor assessment showed a low probability of compromise.</summary>
    public bool? LowProbabilityOfCompromise { get; set; }

    /// <summary>Measures taken, one per item.</summary>
    public List<string>? MeasuresTaken { get; set; }

    /// <summary>Measures proposed, one per item.</summary>
    public List<string>? MeasuresProposed { get; set; }

    /// <summary>The organisation as the documents name it.</summary>
    public string? Organisation { get; set; }

    /// <summary>The contact point (data protection officer).</summary>
    public string? ContactPoint { get; set; }

    /// <summary>Why the regulator is told late, when it is.</summary>
    public string? DelayReason { get; set; }

    /// <summary>The regulator's case reference.</summary>
    public string? CaseReference { get; set; }

    /// <summary>When the regulator was told.</summary>
    public DateTimeOffset? RegulatorNotifiedAt { get; set; }

    /// <summary>How and when the people were told.</summary>
    public string? IndividualsNotified { get; set; }

    /// <summary>Other bodies told, one per item.</summary>
    public List<string>? OtherBodiesTold { get; set; }

    /// <summary>Staff involved (roles) and their training.</summary>
    public string? StaffInvolved { get; set; }

    /// <summary>Lessons learned.</summary>
    public string? LessonsLearned { get; set; }

    /// <summary>The facts as given, in a form people can edit again (lists and text as stored).</summary>
    public static BreachFactsInput From(BreachFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new BreachFactsInput
        {
            Nature = facts.Nature,
            Description = facts.Description,
            OccurredAt = facts.OccurredAt,
            ContainedAt = facts.ContainedAt,
            DiscoveredHow = facts.DiscoveredHow,
            Cyber = facts.Cyber,
            Encrypted = facts.Encrypted,
            PhishingObserved = facts.PhishingObserved,
            VulnerableGroups = facts.VulnerableGroups,
            LowProbabilityOfCompromise = facts.LowProbabilityOfCompromise,
            MeasuresTaken = [.. facts.MeasuresTaken],
            MeasuresProposed = [.. facts.MeasuresProposed],
            Organisation = facts.Organisation,
            ContactPoint = facts.ContactPoint,
            DelayReason = facts.DelayReason,
            CaseReference = facts.CaseReference,
            RegulatorNotifiedAt = facts.RegulatorNotifiedAt,
            IndividualsNotified = facts.IndividualsNotified,
            OtherBodiesTold = [.. facts.OtherBodiesTold],
            StaffInvolved = facts.StaffInvolved,
            LessonsLearned = facts.LessonsLearned,
        };
    }

    /// <summary>
    /// The wrong fields (camelCase name → what is wrong, starting with the field's plain name); empty when the facts
    /// can be recorded. <paramref name="awareAt"/>, when given, is when the organisation became aware.
    /// </summary>
    public IReadOnlyDictionary<string, string> Check(DateTimeOffset now, DateTimeOffset? awareAt = null)
        => BreachFactsRules.Check(this, now, awareAt);

    /// <summary>The camelCase names of the facts that differ between <paramref name="before"/> (null: none recorded) and <paramref name="after"/>, for audit details that never quote them.</summary>
    public static IReadOnlyList<string> Changed(BreachFacts? before, BreachFacts after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return BreachFactsRules.Changed(before, after);
    }

    /// <summary>The facts (call <see cref="Check"/> first): absent fields take their defaults, text is trimmed, blank list items dropped.</summary>
    public BreachFacts ToFacts()
    {
        var d = new BreachFacts();
        return new BreachFacts
        {
            Nature = Nature is null ? d.Nature : BreachFactsRules.Natures(Nature) ?? Nature.Trim(),
            Description = Description?.Trim() ?? d.Description,
            OccurredAt = OccurredAt,
            ContainedAt = ContainedAt,
            DiscoveredHow = DiscoveredHow?.Trim() ?? d.DiscoveredHow,
            Cyber = Cyber ?? d.Cyber,
            Encrypted = Encrypted ?? d.Encrypted,
            PhishingObserved = PhishingObserved ?? d.PhishingObserved,
            VulnerableGroups = VulnerableGroups ?? d.VulnerableGroups,
            LowProbabilityOfCompromise = LowProbabilityOfCompromise ?? d.LowProbabilityOfCompromise,
            MeasuresTaken = BreachFactsRules.Items(MeasuresTaken),
            MeasuresProposed = BreachFactsRules.Items(MeasuresProposed),
            Organisation = Organisation?.Trim() ?? d.Organisation,
            ContactPoint = ContactPoint?.Trim() ?? d.ContactPoint,
            DelayReason = BreachFactsRules.Optional(DelayReason),
            CaseReference = BreachFactsRules.Optional(CaseReference),
            RegulatorNotifiedAt = RegulatorNotifiedAt,
            IndividualsNotified = BreachFactsRules.Optional(IndividualsNotified),
            OtherBodiesTold = BreachFactsRules.Items(OtherBodiesTold),
            StaffInvolved = BreachFactsRules.Optional(StaffInvolved),
            LessonsLearned = BreachFactsRules.Optional(LessonsLearned),
        };
    }
}

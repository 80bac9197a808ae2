namespace Vigil.Response.Breach;

/// <summary>
/// What people know about a breach that the evidence scan cannot tell: how it happened, what protected the data,
/// what was done. None of it may hold patient data: it goes into the regulator draft and the register.
/// </summary>
public sealed record BreachFacts
{
    /// <summary>confidentiality, integrity or availability (the breach's nature in the ICO and EDPB sense).</summary>
    public string Nature { get; init; } = "confidentiality";

    /// <summary>What happened, in a few sentences, without personal data.</summary>
    public string Description { get; init; } = "Unauthorised access to a staff e-mail account.";

    /// <summary>When the breach happened, when known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>When it was contained, when it has been.</summary>
    public DateTimeOffset? ContainedAt { get; init; }

    /// <summary>Who discovered it and how.</summary>
    public string DiscoveredHow { get; init; } = "Security monitoring alert.";

    /// <summary>Caused by a cyber incident (a malicious third party had the data).</summary>
    public bool Cyber { get; init; } = true;

    /// <summary>The data was unintelligible to the attacker (encrypted): GDPR Art. 34(3)(a), HIPAA "secured" PHI.</summary>
    public bool Encrypted { get; init; }

    /// <summary>The data has been used to phish the people (as in the Guernsey case), not only exposed.</summary>
    public bool PhishingObserved { get; init; }

    /// <summary>The people include vulnerable groups (children, vulnerable adults): raises both scales to at least 2.</summary>
    public bool VulnerableGroups { get; init; }

    /// <summary>HIPAA only: a documented four-factor assessment showed a low probability that the PHI was compromised.</summary>
    public bool LowProbabilityOfCompromise { get; init; }

    /// <summary>Measures taken to address the breach and mitigate its effects.</summary>
    public IReadOnlyList<string> MeasuresTaken { get; init; } = [];

    /// <summary>Measures proposed.</summary>
    public IReadOnlyList<string> MeasuresProposed { get; init; } = [];

    /// <summary>The organisation (controller or covered entity) as the documents name it.</summary>
    public string Organisation { get; init; } = "The practice";

    /// <summary>The data protection officer or other contact point: name, e-mail, telephone, address.</summary>
    public string ContactPoint { get; init; } = "The data protection officer";

    /// <summary>Why the regulator is told after 72 hours, when it is.</summary>
    public string? DelayReason { get; init; }

    /// <summary>The regulator's case reference, once the regulator has been told.</summary>
    public string? CaseReference { get; init; }

    /// <summary>When the regulator was told, once it has been.</summary>
    public DateTimeOffset? RegulatorNotifiedAt { get; init; }

    /// <summary>How and when the people were told (letter, e-mail...), once they have been.</summary>
    public string? IndividualsNotified { get; init; }

    /// <summary>Other bodies told: police or Action Fraud, NCSC, insurer, DHSC, HHS, media.</summary>
    public IReadOnlyList<string> OtherBodiesTold { get; init; } = [];

    /// <summary>Staff involved (roles, not patients) and their data protection training date.</summary>
    public string? StaffInvolved { get; init; }

    /// <summary>Lessons learned.</summary>
    public string? LessonsLearned { get; init; }
}

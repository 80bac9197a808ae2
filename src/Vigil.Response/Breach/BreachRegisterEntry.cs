namespace Vigil.Response.Breach;

/// <summary>
/// One row of the internal breach register (GDPR Art. 33(5); ODPA internal log; HIPAA §164.530(j); DSPT): every
/// breach, notified or not, with its facts, effects and remedial action. Counts and categories only.
/// </summary>
public sealed record BreachRegisterEntry
{
    /// <summary>The incident reference.</summary>
    public required string Reference { get; init; }

    /// <summary>The incident's title.</summary>
    public required string Title { get; init; }

    /// <summary>When the breach happened, if known.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>When the organisation became aware.</summary>
    public required DateTimeOffset DiscoveredAt { get; init; }

    /// <summary>When it was contained, if it has been.</summary>
    public DateTimeOffset? ContainedAt { get; init; }

    /// <summary>Who discovered it and how.</summary>
    public string? DiscoveredHow { get; init; }

    /// <summary>confidentiality, integrity or availability.</summary>
    public string? Nature { get; init; }

    /// <summary>What happened.</summary>
    public string? Description { get; init; }

    /// <summary>Categories of data (identity, contact, health).</summary>
    public IReadOnlyList<string> DataCategories { get; init; } = [];

    /// <summary>Special category (health) data involved.</summary>
    public bool SpecialCategory { get; init; }

    /// <summary>Approximate number of people.</summary>
    public int People { get; init; }

    /// <summary>Approximate number of records.</summary>
    public int Records { get; init; }

    /// <summary>Categories of people (patients; vulnerable groups when recorded).</summary>
    public string SubjectCategories { get; init; } = "patients";

    /// <summary>The data was encrypted (Art. 34(3)(a); HIPAA secured PHI).</summary>
    public bool Encrypted { get; init; }

    /// <summary>Caused by a cyber incident.</summary>
    public bool Cyber { get; init; }

    /// <summary>Likely consequences.</summary>
    public IReadOnlyList<string> Consequences { get; init; } = [];

    /// <summary>Likelihood x severity and the level, or "not assessed".</summary>
    public string RiskAssessment { get; init; } = "not assessed";

    /// <summary>Authorities the law requires to be told.</summary>
    public IReadOnlyList<string> AuthoritiesRequired { get; init; } = [];

    /// <summary>The decision on telling the regulator, with reasons, who and when.</summary>
    public string RegulatorDecision { get; init; } = "not decided";

    /// <summary>When the regulator was told.</summary>
    public DateTimeOffset? RegulatorNotifiedAt { get; init; }

    /// <summary>The regulator's case reference.</summary>
    public string? CaseReference { get; init; }

    /// <summary>Why the regulator was told after 72 hours, when it was.</summary>
    public string? DelayReason { get; init; }

    /// <summary>The decision on telling the people, with reasons, who and when.</summary>
    public string IndividualsDecision { get; init; } = "not decided";

    /// <summary>How and when the people were told.</summary>
    public string? IndividualsNotified { get; init; }

    /// <summary>Other bodies told.</summary>
    public IReadOnlyList<string> OtherBodiesTold { get; init; } = [];

    /// <summary>Remedial actions: measures taken and proposed.</summary>
    public IReadOnlyList<string> RemedialActions { get; init; } = [];

    /// <summary>Staff involved and their training.</summary>
    public string? StaffInvolved { get; init; }

    /// <summary>Lessons learned.</summary>
    public string? LessonsLearned { get; init; }

    /// <summary>The notifications recorded as sent: jurisdiction, deadline, phase, when, reference, who recorded it.</summary>
    public IReadOnlyList<string> Notifications { get; init; } = [];
}

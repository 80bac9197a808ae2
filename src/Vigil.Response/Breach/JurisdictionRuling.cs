namespace Vigil.Response.Breach;

/// <summary>What one jurisdiction's law requires for this breach, and why.</summary>
/// <param name="Jurisdiction">The profile id (<c>uk-gdpr</c>, <c>gg-dpl</c>, <c>us-hipaa</c>...).</param>
/// <param name="Authority">Who is told (ICO, ODPA, JOIC, HHS, NHS DSPT...).</param>
/// <param name="RegulatorRequired">The authority must be told.</param>
/// <param name="RegulatorDeadline">By when, or null when not required or only in an annual log.</param>
/// <param name="IndividualsRequired">The people must be told.</param>
/// <param name="IndividualsDeadline">By when, or null (GDPR-style laws say "without undue delay").</param>
/// <param name="MediaRequired">Prominent media must be told (HIPAA §164.406).</param>
/// <param name="Basis">The provisions applied and the reasoning, one sentence each.</param>
public sealed record JurisdictionRuling(
    string Jurisdiction,
    string Authority,
    bool RegulatorRequired,
    DateTimeOffset? RegulatorDeadline,
    bool IndividualsRequired,
    DateTimeOffset? IndividualsDeadline,
    bool MediaRequired,
    IReadOnlyList<string> Basis);

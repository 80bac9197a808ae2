namespace Vigil.Response.Breach;

/// <summary>The risk to individuals: likelihood and severity, and why each has the value it has.</summary>
/// <param name="Likelihood">How likely an effect on people is.</param>
/// <param name="Severity">How bad it would be.</param>
/// <param name="Level">The legal test's answer derived from both.</param>
/// <param name="Reasons">One sentence per factor that set or raised a value, in order.</param>
/// <param name="Reasoning">A person's reasoning when they recorded the values themselves, or null for Vigil's reading.</param>
/// <param name="RecordedBy">Who recorded them, or null.</param>
/// <param name="RecordedAt">When, or null.</param>
public sealed record BreachRisk(
    Likelihood Likelihood,
    Severity Severity,
    RiskLevel Level,
    IReadOnlyList<string> Reasons,
    string? Reasoning = null,
    string? RecordedBy = null,
    DateTimeOffset? RecordedAt = null)
{
    /// <summary>Likelihood times severity, 1 to 25.</summary>
    public int Score => (int)Likelihood * (int)Severity;
}

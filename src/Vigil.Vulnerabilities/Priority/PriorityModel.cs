namespace Vigil.Vulnerabilities.Priority;

/// <summary>
/// The one number findings are ordered by (higher first), as documented in docs/vulnerabilities.md:
/// <c>priority = (kev ? 2000 : 0) + 1000 × threat × severity × asset × ransomware</c>, rounded to one decimal, where
/// threat is 1 for KEV, else the EPSS score (0.05 when none was imported); severity is CVSS / 10, else 0.95, 0.8, 0.55
/// or 0.25 for critical, high, medium, low and 0.5 when unknown; asset is 0.8, 1.0, 1.2 or 1.4 for low, medium (or
/// unstated), high and critical criticality, × 1.25 when the asset holds patient data; ransomware is 1.1 for a KEV entry
/// with known ransomware use, else 1. The non-KEV part is at most 1,750, so every actively exploited finding ranks above
/// every other.
/// </summary>
public static class PriorityModel
{
    /// <summary>The offset that puts actively exploited (KEV) findings above all others.</summary>
    public const double KevBand = 2000;

    /// <summary>The threat assumed when a CVE has no imported EPSS score.</summary>
    public const double DefaultEpss = 0.05;

    /// <summary>Computes the priority.</summary>
    public static double Compute(bool kev, bool knownRansomware, double? epss, double? cvss, string severity, string? criticality, bool holdsPatientData)
    {
        var threat = kev ? 1.0 : Math.Clamp(epss ?? DefaultEpss, 0, 1);
        var weight = cvss is { } score ? Math.Clamp(score / 10, 0, 1) : SeverityWeight(severity);
        var asset = AssetWeight(criticality) * (holdsPatientData ? 1.25 : 1.0);
        var ransomware = kev && knownRansomware ? 1.1 : 1.0;
        return Math.Round((kev ? KevBand : 0) + (1000 * threat * weight * asset * ransomware), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The weight of a severity word when no CVSS score is known.</summary>
    public static double SeverityWeight(string severity) => severity switch
    {
        "critical" => 0.95,
        "high" => 0.8,
        "medium" => 0.55,
        "low" => 0.25,
        "none" => 0.0,
        _ => 0.5,
    };

    /// <summary>The weight of an asset's criticality (unstated counts as medium).</summary>
    public static double AssetWeight(string? criticality) => criticality?.Trim().ToUpperInvariant() switch
    {
        "LOW" => 0.8,
        "HIGH" => 1.2,
        "CRITICAL" => 1.4,
        _ => 1.0,
    };
}

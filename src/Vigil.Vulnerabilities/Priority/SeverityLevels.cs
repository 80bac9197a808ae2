using System.Globalization;

namespace Vigil.Vulnerabilities.Priority;

/// <summary>Severity words from CVSS scores and from advisories' own words.</summary>
public static class SeverityLevels
{
    /// <summary>The CVSS v3 qualitative rating of a base score: critical ≥ 9, high ≥ 7, medium ≥ 4, low &gt; 0, else none.</summary>
    public static string FromScore(double score) => score switch
    {
        >= 9.0 => "critical",
        >= 7.0 => "high",
        >= 4.0 => "medium",
        > 0.0 => "low",
        _ => "none",
    };

    /// <summary>An advisory's word mapped to Vigil's: important → high, moderate → medium; anything else → null.</summary>
    public static string? FromWord(string? word) => word?.Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "critical" => "critical",
        "important" or "high" => "high",
        "moderate" or "medium" => "medium",
        "low" or "negligible" => "low",
        _ => null,
    };

    /// <summary>Rank for sorting: critical 4, high 3, medium 2, low 1, anything else 0.</summary>
    public static int Rank(string severity) => severity switch
    {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };
}

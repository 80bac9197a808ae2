namespace Vigil.Storage.Alerts;

/// <summary>Severity order: informational &lt; low &lt; medium &lt; high &lt; critical; anything else ranks below all.</summary>
internal static class AlertLevels
{
    public static int Rank(string level) => level.ToLowerInvariant() switch
    {
        "informational" => 1,
        "low" => 2,
        "medium" => 3,
        "high" => 4,
        "critical" => 5,
        _ => 0,
    };

    /// <summary>The level a rank stands for (<c>unknown</c> for 0).</summary>
    public static string Name(long rank) => rank switch
    {
        1 => "informational",
        2 => "low",
        3 => "medium",
        4 => "high",
        5 => "critical",
        _ => "unknown",
    };
}

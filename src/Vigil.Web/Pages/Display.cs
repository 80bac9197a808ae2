using System.Globalization;

namespace Vigil.Web.Pages;

/// <summary>How the pages write times, severities and statuses.</summary>
internal static class Display
{
    /// <summary>Severities from most to least severe, as the pages list them.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["critical", "high", "medium", "low", "informational"];

    /// <summary>UTC, to the second, sortable.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"3 min ago", "5 h ago", "2 d ago".</summary>
    public static string Ago(DateTimeOffset time, DateTimeOffset now)
    {
        var age = now - time;
        return age.TotalMinutes < 1 ? "just now"
            : age.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min ago")
            : age.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h ago")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d ago");
    }

    /// <summary>The CSS class of a severity (unknown levels are grey).</summary>
    public static string LevelClass(string level) => Levels.Contains(level) ? $"sev-{level}" : "sev-unknown";

    /// <summary>A status in words.</summary>
    public static string Status(string status) => status switch
    {
        "closed-true-positive" => "closed: true positive",
        "closed-false-positive" => "closed: false positive",
        _ => status,
    };
}

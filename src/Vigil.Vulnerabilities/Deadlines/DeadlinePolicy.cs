using Vigil.Vulnerabilities.Matching;

namespace Vigil.Vulnerabilities.Deadlines;

/// <summary>
/// How long a finding may stay open, counted in days from its first-seen date. The due date is the earliest that
/// applies: for a KEV finding, KEV's own due date (when <see cref="UseKevDueDate"/>) and <see cref="ExploitedDays"/>;
/// for every finding, the days of its severity (none for a tier set to null). Bound from configuration
/// (<c>vulnerabilities:deadlines</c> in vigil's YAML), so properties are settable.
/// </summary>
public sealed class DeadlinePolicy
{
    /// <summary>Days for an actively exploited (KEV) vulnerability. Default 14.</summary>
    public int? ExploitedDays { get; set; } = 14;

    /// <summary>Whether KEV's due date applies too (it may already have passed when the finding is first seen). Default true.</summary>
    public bool UseKevDueDate { get; set; } = true;

    /// <summary>Days for critical severity. Default 14.</summary>
    public int? CriticalDays { get; set; } = 14;

    /// <summary>Days for high severity. Default 30.</summary>
    public int? HighDays { get; set; } = 30;

    /// <summary>Days for medium severity. Default 90.</summary>
    public int? MediumDays { get; set; } = 90;

    /// <summary>Days for low severity. Default none (no deadline); set e.g. 180.</summary>
    public int? LowDays { get; set; }

    /// <summary>Days when the severity is unknown. Default 90 (as medium: unknown is not harmless).</summary>
    public int? UnknownDays { get; set; } = 90;

    /// <summary>Every problem with the settings, naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(string name, int? days)
        {
            if (days is < 0 or > 3650)
            {
                problems.Add($"vulnerabilities.deadlines.{name}: must be between 0 and 3650 days");
            }
        }

        Check("exploitedDays", ExploitedDays);
        Check("criticalDays", CriticalDays);
        Check("highDays", HighDays);
        Check("mediumDays", MediumDays);
        Check("lowDays", LowDays);
        Check("unknownDays", UnknownDays);
        return problems;
    }

    /// <summary>The due date of <paramref name="finding"/> first seen at <paramref name="firstSeen"/>, or null when none applies.</summary>
    public DateOnly? DueDate(Finding finding, DateTimeOffset firstSeen)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var start = DateOnly.FromDateTime(firstSeen.UtcDateTime);
        DateOnly? due = Days(finding.Severity) is { } days ? start.AddDays(days) : null;
        if (finding.Kev)
        {
            if (ExploitedDays is { } exploited)
            {
                due = Earliest(due, start.AddDays(exploited));
            }

            if (UseKevDueDate && finding.KevDueDate is { } kevDue)
            {
                due = Earliest(due, kevDue);
            }
        }

        return due;
    }

    private int? Days(string severity) => severity switch
    {
        "critical" => CriticalDays,
        "high" => HighDays,
        "medium" => MediumDays,
        "low" or "none" => LowDays,
        _ => UnknownDays,
    };

    private static DateOnly Earliest(DateOnly? a, DateOnly b) => a is { } x && x < b ? x : b;
}

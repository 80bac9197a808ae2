using Vigil.Detection.Rules;
using Vigil.Events;

namespace Vigil.Detection.Engine;

/// <summary>One rule matching: a plain rule on one event, or a correlation rule on the events it joined.</summary>
/// <param name="Rule">The rule that matched.</param>
/// <param name="Timestamp">The event time of the match (for a correlation, of the event that completed it).</param>
/// <param name="Event">The matched event; for a correlation, the event that completed it.</param>
/// <param name="Joined">For a correlation: the detections it joined, oldest first; otherwise empty.</param>
/// <param name="GroupBy">For a correlation: its group-by fields and their values; otherwise empty.</param>
/// <param name="Value">For a correlation: the figure its condition tested (count, distinct values, sum...).</param>
public sealed record RuleMatch(
    RuleInfo Rule,
    DateTimeOffset? Timestamp,
    LogEvent Event,
    IReadOnlyList<RuleMatch> Joined,
    IReadOnlyDictionary<string, string?> GroupBy,
    double? Value = null)
{
    /// <summary>Whether this is a correlation detection.</summary>
    public bool IsCorrelation => Joined.Count > 0;
}

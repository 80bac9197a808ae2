using Vigil.Detection.Engine;
using Vigil.Detection.Rules;

namespace Vigil.Monitoring.Live;

/// <summary>
/// The texts of an alert candidate that depend only on the rule and the event's source type (a plain rule's details,
/// the level's name), written once per rule instead of once per detection: a brute force matches thousands of events,
/// nearly all grouped into one alert. A correlation's details carry its figure and groups and are written each time.
/// </summary>
internal sealed class AlertTexts
{
    // Cleared when this large: uploaded rule sets replace their RuleInfo instances.
    private const int MaxRules = 20_000;

    private readonly Dictionary<RuleInfo, (string SourceType, string Details)> _plain = new(ReferenceEqualityComparer.Instance);

    /// <summary>The level's name as alerts store it (<c>medium</c>, <c>high</c>...).</summary>
    public static string LevelName(Level level) => level switch
    {
        Level.Informational => "informational",
        Level.Low => "low",
        Level.Medium => "medium",
        Level.High => "high",
        Level.Critical => "critical",
        _ => level.ToString().ToLowerInvariant(),
    };

    /// <summary>The details of <paramref name="match"/> (see <see cref="AlertDetails"/>).</summary>
    public string Details(RuleMatch match)
    {
        if (match.IsCorrelation)
        {
            return AlertDetails.For(match);
        }

        var sourceType = match.Event.SourceType;
        if (_plain.TryGetValue(match.Rule, out var known) && string.Equals(known.SourceType, sourceType, StringComparison.Ordinal))
        {
            return known.Details;
        }

        if (_plain.Count >= MaxRules)
        {
            _plain.Clear();
        }

        var details = AlertDetails.For(match);
        _plain[match.Rule] = (sourceType, details);
        return details;
    }
}

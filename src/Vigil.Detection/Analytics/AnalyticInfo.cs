using Vigil.Detection.Rules;

namespace Vigil.Detection.Analytics;

/// <summary>Builds the <see cref="RuleInfo"/> of a bundled analytic.</summary>
internal static class AnalyticInfo
{
    /// <summary>The author every bundled analytic reports.</summary>
    public const string Author = "Vigil";

    /// <summary>A rule-like identity for an analytic; <paramref name="id"/> gets the <c>vigil-analytic-</c> prefix.</summary>
    public static RuleInfo Create(string id, string title, Level level, string description, Logsource logsource, params string[] tags) =>
        new("vigil-analytic-" + id, null, title, level, Author, tags, "experimental", description,
            "analytics:" + id, logsource);
}

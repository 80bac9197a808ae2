using Vigil.Detection.Rules;

namespace Vigil.Detection.Analytics;

/// <summary>Builds the <see cref="RuleInfo"/> of a bundled analytic.</summary>
internal static class AnalyticInfo
{
    /// <summary>The author every bundled analytic reports.</summary>
    public const string Author = "Vigil";

    private static readonly Logsource Authentication = new("vigil", "authentication", null);

    /// <summary>A successful sign-in listed in a detection's <c>Joined</c> (spray success, impossible travel).</summary>
    public static RuleInfo SignInSuccess { get; } = Create("signin-success", "Successful sign-in (part of a detection)",
        Level.Informational, "A successful sign-in listed in a password spray or impossible travel detection.", Authentication);

    /// <summary>A failed sign-in listed in a spray detection's <c>Joined</c>.</summary>
    public static RuleInfo SignInFailure { get; } = Create("signin-failure", "Failed sign-in (part of a detection)",
        Level.Informational, "A failed sign-in listed in a password spray detection.", Authentication);

    /// <summary>A rule-like identity for an analytic; <paramref name="id"/> gets the <c>vigil-analytic-</c> prefix.</summary>
    public static RuleInfo Create(string id, string title, Level level, string description, Logsource logsource, params string[] tags) =>
        new("vigil-analytic-" + id, null, title, level, Author, tags, "experimental", description,
            "analytics:" + id, logsource);
}

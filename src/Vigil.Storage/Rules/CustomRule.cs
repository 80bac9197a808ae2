namespace Vigil.Storage.Rules;

/// <summary>A Sigma rule uploaded through the web app, kept as its YAML text.</summary>
/// <param name="RuleId">The rule's id (unique among all loaded rules).</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Yaml">The rule as uploaded.</param>
/// <param name="CreatedBy">Who uploaded it.</param>
/// <param name="CreatedAt">When.</param>
public sealed record CustomRule(string RuleId, string Title, string Yaml, string CreatedBy, DateTimeOffset CreatedAt);

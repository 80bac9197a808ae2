namespace Vigil.Web.Api.Rules;

/// <summary>One rule: its listing, description, ATT&amp;CK ids, YAML, and the last change of its state.</summary>
internal sealed record RuleDetailAnswer(
    RuleItem Rule,
    string Description,
    string Author,
    IReadOnlyList<string> Techniques,
    IReadOnlyList<string> Tactics,
    string Yaml,
    string? ChangedBy,
    DateTimeOffset? ChangedAt,
    string? Reason);

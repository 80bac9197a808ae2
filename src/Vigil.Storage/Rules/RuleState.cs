namespace Vigil.Storage.Rules;

/// <summary>Whether a rule is enabled in live detection, set by a person (rules without a state are enabled).</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Enabled">Whether live detection raises its alerts.</param>
/// <param name="ChangedBy">Who changed it.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Reason">Why, as the person wrote it, or null.</param>
public sealed record RuleState(string RuleId, bool Enabled, string ChangedBy, DateTimeOffset ChangedAt, string? Reason);

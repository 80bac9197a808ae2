namespace Vigil.Web.Rules;

/// <summary>An upload: the stored rule, or the errors, or a conflict with a rule already loaded.</summary>
/// <param name="Row">The rule as stored (null unless it was stored).</param>
/// <param name="Errors">Why the rule cannot be used.</param>
/// <param name="Conflict">Why the rule's id cannot be taken (a loaded or uploaded rule has it), or null.</param>
internal sealed record RuleUploadOutcome(RuleRow? Row, IReadOnlyList<RuleLoadError> Errors, string? Conflict);

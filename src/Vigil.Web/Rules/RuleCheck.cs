using Vigil.Detection.Engine;
using Vigil.Detection.Rules;

namespace Vigil.Web.Rules;

/// <summary>An uploaded rule checked with the engine's own parser and compiler: the rule and its engine, or the errors.</summary>
/// <param name="Set">The parsed rule (null when it has errors).</param>
/// <param name="Info">What the rule says about itself (null when it has errors).</param>
/// <param name="Engine">An engine of this rule alone (null when it has errors).</param>
/// <param name="Errors">Why the rule cannot be used: location and reason each.</param>
internal sealed record RuleCheck(RuleSet? Set, RuleInfo? Info, DetectionEngine? Engine, IReadOnlyList<RuleLoadError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

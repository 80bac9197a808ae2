using Vigil.Storage.Rules;

namespace Vigil.Web.Rules;

/// <summary>A rule with whether it is enabled and who last changed that.</summary>
/// <param name="Entry">The rule.</param>
/// <param name="Enabled">Whether live detection raises its alerts.</param>
/// <param name="State">The last change of its state, or null when never changed.</param>
internal sealed record RuleRow(RuleEntry Entry, bool Enabled, RuleState? State);

using Vigil.Storage.Events;

namespace Vigil.Web.Rules;

/// <summary>What a rule found in the recent stored events.</summary>
/// <param name="Errors">Why the rule could not be tested (then nothing was read).</param>
/// <param name="Scanned">Events read.</param>
/// <param name="Matched">Events the rule matched.</param>
/// <param name="First">The first matches, oldest first (at most <see cref="RuleCatalog.TestShown"/>).</param>
/// <param name="Capped">Whether reading stopped at <see cref="RuleCatalog.TestMaxEvents"/> before the window's end.</param>
internal sealed record RuleTestResult(IReadOnlyList<RuleLoadError> Errors, long Scanned, long Matched, IReadOnlyList<StoredEvent> First, bool Capped);

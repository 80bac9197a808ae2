using Vigil.Web.Rules;

namespace Vigil.Web.Api.Rules;

/// <summary>What a rule found in the recent events: counts, whether the read was capped, the first matches.</summary>
internal sealed record RuleTestAnswer(long Scanned, long Matched, bool Capped, IReadOnlyList<EventItem> Events, IReadOnlyList<RuleLoadError> Errors);

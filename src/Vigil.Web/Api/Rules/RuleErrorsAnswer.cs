using Vigil.Web.Rules;

namespace Vigil.Web.Api.Rules;

/// <summary>The packs with their counts and every load error.</summary>
internal sealed record RuleErrorsAnswer(IReadOnlyList<RulePack> Packs, IReadOnlyList<RuleLoadError> Errors);

using System.Collections.Immutable;
using Vigil.Storage.Rules;

namespace Vigil.Web.Rules;

/// <summary>What changes while serving: rule states, uploaded rules and the uploaded rules' load errors. Replaced whole.</summary>
internal sealed record CatalogState(ImmutableDictionary<string, RuleState> States, ImmutableList<UploadedRule> Uploaded, ImmutableList<RuleLoadError> UploadErrors)
{
    public static CatalogState Empty { get; } = new(ImmutableDictionary.Create<string, RuleState>(StringComparer.Ordinal), [], []);

    public bool IsEnabled(string ruleId) => !States.TryGetValue(ruleId, out var state) || state.Enabled;
}

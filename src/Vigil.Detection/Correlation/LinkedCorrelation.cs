namespace Vigil.Detection.Correlation;

/// <summary>A correlation rule whose references have been resolved.</summary>
/// <param name="Rule">The correlation rule.</param>
/// <param name="RuleIds">For each entry of <c>rules</c>, the id of the rule or correlation it names.</param>
/// <param name="FieldMaps">For each entry of <c>rules</c>, the aliases that apply to it: alias to field name.</param>
internal sealed record LinkedCorrelation(
    CorrelationRule Rule,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<IReadOnlyDictionary<string, string>> FieldMaps)
{
    /// <summary>The name of <paramref name="field"/> (a field or an alias) in the events of rule <paramref name="ruleIndex"/>.</summary>
    public string FieldFor(int ruleIndex, string field) => FieldMaps[ruleIndex].GetValueOrDefault(field) ?? field;
}

using Vigil.Detection.Conditions;

namespace Vigil.Detection.Rules;

/// <summary>A Sigma detection rule as parsed from YAML, before it is compiled for a logsource.</summary>
internal sealed record SigmaRule(RuleInfo Info, IReadOnlyDictionary<string, SelectionDef> Selections, ConditionNode Condition);

/// <summary>One search identifier: alternatives OR-ed, each a list of field entries AND-ed.</summary>
internal sealed record SelectionDef(string Name, IReadOnlyList<IReadOnlyList<FieldSpec>> Alternatives);

/// <summary>
/// One <c>field|modifiers: values</c> entry, or keywords when <see cref="Field"/> is null.
/// </summary>
/// <param name="Field">The field name as the rule writes it, or null for keywords.</param>
/// <param name="Modifiers">The modifiers, lower-case, in the order written.</param>
/// <param name="Values">The values; a null item is YAML's <c>null</c>.</param>
/// <param name="Key">The key as written, for error messages.</param>
internal sealed record FieldSpec(string? Field, IReadOnlyList<string> Modifiers, IReadOnlyList<string?> Values, string Key);

/// <summary>A Sigma filter (meta) rule: suppresses matches of the listed rules where its condition holds.</summary>
internal sealed record FilterRule(RuleInfo Info, IReadOnlyList<string> Rules, IReadOnlyDictionary<string, SelectionDef> Selections, ConditionNode Condition);

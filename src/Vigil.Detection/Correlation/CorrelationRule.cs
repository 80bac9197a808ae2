using Vigil.Detection.Rules;

namespace Vigil.Detection.Correlation;

/// <summary>A parsed Sigma correlation rule (the <c>correlation</c> section of a rule document).</summary>
/// <remarks>Immutable once parsed. Rule references are resolved later, by <see cref="CorrelationEngine"/>.</remarks>
internal sealed class CorrelationRule
{
    /// <summary>Creates a correlation rule from its parsed parts.</summary>
    public CorrelationRule(
        RuleInfo info,
        CorrelationType type,
        IReadOnlyList<string> ruleRefs,
        IReadOnlyList<string> groupBy,
        TimeSpan timespan,
        CorrelationCondition condition,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> aliases,
        bool generate)
    {
        Info = info;
        Type = type;
        RuleRefs = ruleRefs;
        GroupBy = groupBy;
        Timespan = timespan;
        Condition = condition;
        Aliases = aliases;
        Generate = generate;
    }

    /// <summary>The correlation's own metadata (title, id, name, level...), carried into its detections.</summary>
    public RuleInfo Info { get; }

    /// <summary>The correlation type.</summary>
    public CorrelationType Type { get; }

    /// <summary>The <c>rules</c> entries as written: ids or names of rules or of other correlations.</summary>
    public IReadOnlyList<string> RuleRefs { get; }

    /// <summary>The <c>group-by</c> fields (or aliases); empty means one group for everything.</summary>
    public IReadOnlyList<string> GroupBy { get; }

    /// <summary>The <c>timespan</c>: how far apart, in event time, the joined detections may be.</summary>
    public TimeSpan Timespan { get; }

    /// <summary>The <c>condition</c>; for temporal types without one, <c>gte</c> the number of rules.</summary>
    public CorrelationCondition Condition { get; }

    /// <summary>The <c>aliases</c>: alias name, then rule reference (id or name), then the field in that rule's events.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; }

    /// <summary>
    /// The <c>generate</c> flag: whether the referenced rules still produce their own detections. Default false.
    /// </summary>
    public bool Generate { get; }
}

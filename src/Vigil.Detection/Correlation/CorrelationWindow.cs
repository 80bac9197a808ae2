namespace Vigil.Detection.Correlation;

/// <summary>The state of one correlation rule: its groups and what each has seen within the timespan.</summary>
/// <remarks>
/// Two strategies, chosen by <see cref="Create"/>. When the figure can only grow as detections arrive (counts, and
/// sums of non-negative values) and the condition has only <c>gt</c>/<c>gte</c>, the condition is tested on a sliding
/// window at every arrival and fires as soon as it holds. Otherwise (any <c>lt</c>, <c>lte</c>, <c>eq</c>,
/// <c>neq</c>, and always for <c>value_avg</c> and <c>value_percentile</c>) the figure of a window is only final when
/// the window is over, so each group's window opens at its first detection and is tested once when it closes (see
/// <see cref="ClosingWindow"/>). Not thread-safe.
/// </remarks>
internal abstract class CorrelationWindow
{
    /// <summary>Creates the state for <paramref name="rule"/>, reporting to <paramref name="counters"/>.</summary>
    protected CorrelationWindow(CorrelationRule rule, CorrelationCounters counters)
    {
        Rule = rule;
        Counters = counters;
        SpanTicks = rule.Timespan.Ticks;
    }

    /// <summary>The correlation rule.</summary>
    public CorrelationRule Rule { get; }

    /// <summary>Where skipped and dropped input is counted.</summary>
    protected CorrelationCounters Counters { get; }

    /// <summary>The timespan in ticks.</summary>
    protected long SpanTicks { get; }

    /// <summary>The state suited to <paramref name="rule"/>'s type and condition.</summary>
    public static CorrelationWindow Create(CorrelationRule rule, CorrelationCounters counters)
    {
        var growing = rule.Type is CorrelationType.EventCount or CorrelationType.ValueCount or CorrelationType.Temporal
            or CorrelationType.TemporalOrdered or CorrelationType.ValueSum;
        if (!growing || !rule.Condition.IsLowerBoundOnly)
        {
            return new ClosingWindow(rule, counters);
        }

        return rule.Type switch
        {
            CorrelationType.EventCount or CorrelationType.ValueSum => new SlidingSumWindow(rule, counters),
            CorrelationType.ValueCount or CorrelationType.Temporal => new DistinctWindow(rule, counters),
            _ => new SequenceWindow(rule, counters),
        };
    }

    /// <summary>Takes in one detection; appends any correlation detection it completes to <paramref name="fired"/>.</summary>
    public abstract void Add(in Observation observation, List<Engine.RuleMatch> fired);

    /// <summary>Event time has reached <paramref name="watermark"/>: closes windows and forgets groups now past.</summary>
    public abstract void Advance(long watermark, List<Engine.RuleMatch> fired);

    /// <summary>End of input: closes every open window and forgets every group.</summary>
    public abstract void Flush(List<Engine.RuleMatch> fired);

    /// <summary>A detection of this correlation.</summary>
    /// <param name="completing">The detection that completed it: its time and event become the correlation's.</param>
    /// <param name="groupValues">The group's values, in <c>group-by</c> order.</param>
    /// <param name="joined">The detections joined, oldest first.</param>
    /// <param name="figure">The figure the condition tested.</param>
    /// <param name="field">For value_percentile: the field whose value is reported beside the group.</param>
    /// <param name="value">For value_percentile: that value.</param>
    protected Engine.RuleMatch Fire(Engine.RuleMatch completing, string?[] groupValues, IReadOnlyList<Engine.RuleMatch> joined, double figure, string? field = null, string? value = null)
    {
        var groupBy = new Dictionary<string, string?>(groupValues.Length + 1, StringComparer.Ordinal);
        for (var i = 0; i < groupValues.Length; i++)
        {
            groupBy[Rule.GroupBy[i]] = groupValues[i];
        }

        if (field is not null)
        {
            groupBy[field] = value;
        }

        return new Engine.RuleMatch(Rule.Info, completing.Timestamp ?? completing.Event.Timestamp, completing.Event, joined, groupBy, figure);
    }
}

namespace Vigil.Detection.Correlation;

/// <summary>
/// Correlations whose figure is only final when the window is over: any condition with <c>lt</c>, <c>lte</c>,
/// <c>eq</c> or <c>neq</c> ("fewer than 3 in an hour", ranges), and every <c>value_avg</c> and
/// <c>value_percentile</c>. Each group's window is tested once, when it closes.
/// </summary>
/// <remarks>
/// <para>
/// A group's window opens at its first detection and covers the timespan after it (both ends included). It closes
/// when a detection of the group arrives beyond it (that detection opens the next window), when event time seen by
/// the engine (any detection) passes its end, or at <see cref="CorrelationEngine.Flush"/>. On closing, the condition
/// is tested on the window's figure once, and the window is forgotten whether it fired or not: windows of one group
/// do not overlap, so one burst yields at most one detection. A sliding window cannot be used here: its trailing
/// edge would always find "fewer than N" as a burst ages out.
/// </para>
/// <para>
/// A window with no detection never exists, so "fewer than N" cannot fire for a group that was silent throughout.
/// The correlation detection carries the time and event of the window's newest detection; it is reported when the
/// window closes, so up to a timespan later in the input than that event. A detection slightly older than its
/// group's window start (out of order, by less than a timespan) joins the open window; one older still is counted
/// as late and skipped. A late detection never reopens a window already tested: it opens a new one.
/// </para>
/// </remarks>
internal sealed class ClosingWindow : GroupedWindow<ClosingWindow.Group>
{
    /// <summary>Creates the state for <paramref name="rule"/>.</summary>
    public ClosingWindow(CorrelationRule rule, CorrelationCounters counters)
        : base(rule, counters)
    {
    }

    /// <inheritdoc />
    public override void Add(in Observation observation, List<Engine.RuleMatch> fired)
    {
        var ticks = observation.Ticks;
        var group = Find(observation.GroupKey);
        if (group is null)
        {
            group = new Group(observation.GroupValues, ticks, new WindowTally(Rule.Type, Rule.RuleRefs.Count));
            Track(observation.GroupKey, group, fired);
        }
        else if (ticks > group.Anchor + SpanTicks)
        {
            Close(group, fired);
            group.Restart(ticks);
        }
        else if (ticks < group.Anchor - SpanTicks)
        {
            Counters.Late++;
            return;
        }

        group.Tally.Add(observation, Counters);
    }

    /// <inheritdoc />
    protected override long DueOf(Group group) => group.Anchor + SpanTicks;

    /// <inheritdoc />
    protected override void Expire(Group group, List<Engine.RuleMatch> fired) => Close(group, fired);

    private void Close(Group group, List<Engine.RuleMatch> fired)
    {
        var tally = group.Tally;
        if (tally.Last is not { } last)
        {
            return;
        }

        if (Rule.Type == CorrelationType.ValuePercentile)
        {
            foreach (var (value, percentile, joined) in tally.Percentiles())
            {
                if (Rule.Condition.IsMetBy(percentile))
                {
                    fired.Add(Fire(joined[^1], group.Values, joined, percentile, Rule.Condition.Fields[0], value));
                }
            }

            return;
        }

        var figure = tally.Figure;
        if (Rule.Condition.IsMetBy(figure))
        {
            fired.Add(Fire(last, group.Values, tally.Joined(), figure));
        }
    }

    /// <summary>One group's open window.</summary>
    internal sealed class Group(string?[] values, long anchor, WindowTally tally)
    {
        /// <summary>The group-by values.</summary>
        public string?[] Values { get; } = values;

        /// <summary>The time of the window's first detection: the window is the timespan after it.</summary>
        public long Anchor { get; private set; } = anchor;

        /// <summary>What the window has seen.</summary>
        public WindowTally Tally { get; } = tally;

        /// <summary>Opens the next window at <paramref name="ticks"/>.</summary>
        public void Restart(long ticks)
        {
            Anchor = ticks;
            Tally.Clear();
        }
    }
}

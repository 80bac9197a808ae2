namespace Vigil.Detection.Correlation;

/// <summary>
/// <c>event_count</c> and <c>value_sum</c> with a <c>gt</c>/<c>gte</c> condition: a sliding window per group,
/// tested at every arrival.
/// </summary>
/// <remarks>
/// A group keeps the times (and values) of its detections within the timespan before its newest one, oldest evicted
/// first. For <c>event_count</c> it keeps no more than the count that satisfies the condition, which is exact: the
/// window holds that many exactly when the condition holds. For <c>value_sum</c> it keeps up to
/// <see cref="CorrelationLimits.MaxEntriesPerGroup"/> entries, then drops the oldest (under-estimating the sum). The
/// sum is tested at each arrival, so negative values can make a sum that was reached fall again; it still fired.
/// After firing the group starts afresh and ignores detections older than the burst's newest.
/// </remarks>
internal sealed class SlidingSumWindow : GroupedWindow<SlidingSumWindow.Group>
{
    private readonly bool _counting;
    private readonly int _capacity;

    /// <summary>Creates the state for <paramref name="rule"/>.</summary>
    public SlidingSumWindow(CorrelationRule rule, CorrelationCounters counters)
        : base(rule, counters)
    {
        _counting = rule.Type == CorrelationType.EventCount;
        _capacity = _counting
            ? (int)Math.Min(rule.Condition.MinimumCount, CorrelationLimits.MaxEntriesPerGroup)
            : CorrelationLimits.MaxEntriesPerGroup;
    }

    /// <inheritdoc />
    public override void Add(in Observation observation, List<Engine.RuleMatch> fired)
    {
        var ticks = observation.Ticks;
        var group = Find(observation.GroupKey);
        if (group is null)
        {
            group = new Group(observation.GroupValues, ticks, Math.Min(_capacity, CorrelationLimits.MaxJoined));
            Track(observation.GroupKey, group, fired);
        }
        else if (ticks < group.Floor || ticks < group.Newest - SpanTicks)
        {
            Counters.Late++;
            return;
        }

        group.Newest = Math.Max(group.Newest, ticks);
        var weight = _counting ? 1 : observation.Number;
        group.Entries.Insert(ticks, weight);
        group.Sum += weight;
        var start = group.Newest - SpanTicks;
        while (group.Entries.FirstTicks < start)
        {
            group.Sum -= group.Entries.RemoveFirst();
        }

        while (group.Entries.Count > _capacity)
        {
            group.Sum -= group.Entries.RemoveFirst();
            Counters.DroppedEntries++;
        }

        group.Joined.Add(ticks, observation.Detection);
        double figure = _counting ? group.Entries.Count : group.Sum;
        if (Rule.Condition.IsMetBy(figure))
        {
            fired.Add(Fire(observation.Detection, group.Values, group.Joined.Since(start), figure));
            group.Reset();
        }
    }

    /// <inheritdoc />
    protected override long DueOf(Group group) => group.Newest + SpanTicks;

    /// <inheritdoc />
    protected override void Expire(Group group, List<Engine.RuleMatch> fired)
    {
        // Nothing is owed: a gt/gte condition was tested as each detection arrived.
    }

    /// <summary>One group's sliding window.</summary>
    internal sealed class Group(string?[] values, long ticks, int joined)
    {
        /// <summary>The group-by values.</summary>
        public string?[] Values { get; } = values;

        /// <summary>The newest detection's time: the window is the timespan before it.</summary>
        public long Newest { get; set; } = ticks;

        /// <summary>Detections older than this belong to a burst that already fired.</summary>
        public long Floor { get; private set; } = long.MinValue;

        /// <summary>Times and values in the window.</summary>
        public TimeQueue Entries { get; } = new();

        /// <summary>The sum of the weights in <see cref="Entries"/>.</summary>
        public double Sum { get; set; }

        /// <summary>The newest detections, for <c>Joined</c>.</summary>
        public JoinedBuffer Joined { get; } = new(joined);

        /// <summary>Starts afresh after firing.</summary>
        public void Reset()
        {
            Entries.Clear();
            Joined.Clear();
            Sum = 0;
            Floor = Newest;
        }
    }
}

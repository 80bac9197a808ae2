namespace Vigil.Detection.Correlation;

/// <summary>
/// <c>value_count</c> and <c>temporal</c> with a <c>gt</c>/<c>gte</c> condition: distinct values (or distinct rules)
/// seen in a sliding window per group, tested at every arrival.
/// </summary>
/// <remarks>
/// A group keeps each distinct value once, with the time and detection of its latest occurrence, in order of that
/// time; a value leaves the window when its latest occurrence does. It keeps no more values than the count that
/// satisfies the condition, which is exact. <c>Joined</c> lists the latest detection of each value (for temporal, of
/// each rule). After firing the group starts afresh and ignores detections older than the burst's newest.
/// </remarks>
internal sealed class DistinctWindow : GroupedWindow<DistinctWindow.Group>
{
    private readonly int _capacity;

    /// <summary>Creates the state for <paramref name="rule"/>.</summary>
    public DistinctWindow(CorrelationRule rule, CorrelationCounters counters)
        : base(rule, counters) =>
        _capacity = (int)Math.Min(rule.Condition.MinimumCount, CorrelationLimits.MaxValuesPerGroup);

    /// <inheritdoc />
    public override void Add(in Observation observation, List<Engine.RuleMatch> fired)
    {
        var ticks = observation.Ticks;
        var group = Find(observation.GroupKey);
        if (group is null)
        {
            group = new Group(observation.GroupValues, ticks);
            Track(observation.GroupKey, group, fired);
        }
        else if (ticks < group.Floor || ticks < group.Newest - SpanTicks)
        {
            Counters.Late++;
            return;
        }

        group.Newest = Math.Max(group.Newest, ticks);
        group.See(observation.Value ?? "", ticks, observation.Detection);
        group.EvictBefore(group.Newest - SpanTicks);
        while (group.Count > _capacity)
        {
            group.EvictOldest();
            Counters.DroppedEntries++;
        }

        if (Rule.Condition.IsMetBy(group.Count))
        {
            fired.Add(Fire(observation.Detection, group.Values, group.Latest(CorrelationLimits.MaxJoined), group.Count));
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

    /// <summary>One group's distinct values, ordered by their latest occurrence.</summary>
    internal sealed class Group(string?[] values, long ticks)
    {
        private readonly Dictionary<string, LinkedListNode<Seen>> _index = new(StringComparer.Ordinal);
        private readonly LinkedList<Seen> _order = new();

        /// <summary>The group-by values.</summary>
        public string?[] Values { get; } = values;

        /// <summary>The newest detection's time: the window is the timespan before it.</summary>
        public long Newest { get; set; } = ticks;

        /// <summary>Detections older than this belong to a burst that already fired.</summary>
        public long Floor { get; private set; } = long.MinValue;

        /// <summary>How many distinct values the window holds.</summary>
        public int Count => _index.Count;

        /// <summary>Records an occurrence of <paramref name="value"/>.</summary>
        public void See(string value, long ticks, Engine.RuleMatch detection)
        {
            if (_index.TryGetValue(value, out var node))
            {
                if (ticks < node.Value.Ticks)
                {
                    return;
                }

                _order.Remove(node);
                node.Value = new Seen(value, ticks, detection);
            }
            else
            {
                node = new LinkedListNode<Seen>(new Seen(value, ticks, detection));
                _index.Add(value, node);
            }

            var after = _order.Last;
            while (after is not null && after.Value.Ticks > ticks)
            {
                after = after.Previous;
            }

            if (after is null)
            {
                _order.AddFirst(node);
            }
            else
            {
                _order.AddAfter(after, node);
            }
        }

        /// <summary>Drops values whose latest occurrence is before <paramref name="startTicks"/>.</summary>
        public void EvictBefore(long startTicks)
        {
            while (_order.First is { } first && first.Value.Ticks < startTicks)
            {
                EvictOldest();
            }
        }

        /// <summary>Drops the value seen least recently.</summary>
        public void EvictOldest()
        {
            var first = _order.First!;
            _order.RemoveFirst();
            _index.Remove(first.Value.Value);
        }

        /// <summary>The latest detection of each of the <paramref name="max"/> most recent values, oldest first.</summary>
        public Engine.RuleMatch[] Latest(int max) => [.. _order.Skip(Math.Max(0, _order.Count - max)).Select(static s => s.Detection)];

        /// <summary>Starts afresh after firing.</summary>
        public void Reset()
        {
            _index.Clear();
            _order.Clear();
            Floor = Newest;
        }
    }

    private readonly record struct Seen(string Value, long Ticks, Engine.RuleMatch Detection);
}

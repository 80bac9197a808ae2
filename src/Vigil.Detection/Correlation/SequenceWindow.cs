namespace Vigil.Detection.Correlation;

/// <summary>
/// <c>temporal_ordered</c> with a <c>gt</c>/<c>gte</c> condition (by default, all rules): how many of the rules,
/// from the first, matched in their listed order within the timespan; tested at every arrival.
/// </summary>
/// <remarks>
/// The figure is the length of the longest in-order prefix of <c>rules</c> whose first detection is within the
/// timespan before the group's newest detection (see <see cref="SequenceMatcher"/>). <c>Joined</c> lists the
/// detections of that prefix, one per rule. After firing the group starts afresh and ignores older detections.
/// </remarks>
internal sealed class SequenceWindow : GroupedWindow<SequenceWindow.Group>
{
    /// <summary>Creates the state for <paramref name="rule"/>.</summary>
    public SequenceWindow(CorrelationRule rule, CorrelationCounters counters)
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
            group = new Group(observation.GroupValues, ticks, Rule.RuleRefs.Count);
            Track(observation.GroupKey, group, fired);
        }
        else if (ticks < group.Floor || ticks < group.Newest - SpanTicks)
        {
            Counters.Late++;
            return;
        }

        group.Newest = Math.Max(group.Newest, ticks);
        group.Matcher.Prune(group.Newest - SpanTicks);
        group.Matcher.Add(observation.RuleIndex, ticks, observation.Detection);
        var length = group.Matcher.Longest;
        if (length > 0 && Rule.Condition.IsMetBy(length))
        {
            fired.Add(Fire(observation.Detection, group.Values, group.Matcher.Joined(length), length));
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

    /// <summary>One group's progress through the sequence.</summary>
    internal sealed class Group(string?[] values, long ticks, int rules)
    {
        /// <summary>The group-by values.</summary>
        public string?[] Values { get; } = values;

        /// <summary>The newest detection's time: the window is the timespan before it.</summary>
        public long Newest { get; set; } = ticks;

        /// <summary>Detections older than this belong to a sequence that already fired.</summary>
        public long Floor { get; private set; } = long.MinValue;

        /// <summary>The partial matches.</summary>
        public SequenceMatcher Matcher { get; } = new(rules);

        /// <summary>Starts afresh after firing.</summary>
        public void Reset()
        {
            Matcher.Clear();
            Floor = Newest;
        }
    }
}

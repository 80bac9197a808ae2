namespace Vigil.Detection.Correlation;

/// <summary>Keeps a correlation's groups by key and forgets each once event time has moved past it.</summary>
/// <remarks>
/// Every group sits once in a queue ordered by the event time after which it holds nothing current (its due time).
/// A group's due time only moves forward, so a queued time is never later than the true one: when the watermark
/// passes the queued time the group is either expired or queued again at its true due time. Cost: O(log groups) per
/// group per timespan. Beyond <see cref="CorrelationLimits.MaxGroups"/>, the group due first is expired early.
/// </remarks>
/// <typeparam name="TGroup">The per-group state.</typeparam>
internal abstract class GroupedWindow<TGroup> : CorrelationWindow
    where TGroup : class
{
    private readonly Dictionary<string, TGroup> _groups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<(string Key, TGroup Group), (long Due, long Order)> _due = new();
    private long _order;

    /// <summary>Creates the state for <paramref name="rule"/>.</summary>
    protected GroupedWindow(CorrelationRule rule, CorrelationCounters counters)
        : base(rule, counters)
    {
    }

    /// <inheritdoc />
    public override void Advance(long watermark, List<Engine.RuleMatch> fired)
    {
        while (_due.TryPeek(out var item, out var due) && due.Due < watermark)
        {
            _due.Dequeue();
            var current = DueOf(item.Group);
            if (current < watermark)
            {
                Expire(item.Group, fired);
                _groups.Remove(item.Key);
            }
            else
            {
                _due.Enqueue(item, (current, due.Order));
            }
        }
    }

    /// <inheritdoc />
    public override void Flush(List<Engine.RuleMatch> fired)
    {
        while (_due.TryDequeue(out var item, out _))
        {
            Expire(item.Group, fired);
        }

        _groups.Clear();
    }

    /// <summary>The group under <paramref name="key"/>, or null.</summary>
    protected TGroup? Find(string key) => _groups.GetValueOrDefault(key);

    /// <summary>Starts tracking a new group, expiring the group due first when the cap is reached.</summary>
    protected void Track(string key, TGroup group, List<Engine.RuleMatch> fired)
    {
        if (_groups.Count >= CorrelationLimits.MaxGroups && _due.TryDequeue(out var oldest, out _))
        {
            Counters.EvictedGroups++;
            Expire(oldest.Group, fired);
            _groups.Remove(oldest.Key);
        }

        _groups.Add(key, group);
        _due.Enqueue((key, group), (DueOf(group), _order++));
    }

    /// <summary>The event time (ticks) after which <paramref name="group"/> holds nothing current.</summary>
    protected abstract long DueOf(TGroup group);

    /// <summary>The group is being forgotten: report what it still owes, if anything.</summary>
    protected abstract void Expire(TGroup group, List<Engine.RuleMatch> fired);
}

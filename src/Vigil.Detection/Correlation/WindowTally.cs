namespace Vigil.Detection.Correlation;

/// <summary>What one window of a <see cref="ClosingWindow"/> has seen, reduced to what its figure needs.</summary>
/// <remarks>
/// <para>Figures: event_count, the detections; value_count, the distinct values of <c>field</c> (several fields:
/// distinct combinations); temporal, the distinct rules; temporal_ordered, the longest in-order prefix of the rules;
/// value_sum and value_avg, the sum and mean of the numeric <c>field</c>.</para>
/// <para>value_percentile (Sigma: "check when a certain percentage of observed values occur; median is percentile
/// 50"): each distinct value v of <c>field</c> gets the frequency percentile of v among the window's detections,
/// 100 × (detections whose value occurs no more often than v) / (all detections). A value seen once among 1,000
/// detections of common values scores 0.1, so <c>lte: 1</c> finds values rarer than 1%; values equally frequent
/// share a score, so 20 values seen once each among 1,000 score 2 each. The condition is tested per value, and each
/// value that meets it is one correlation detection.</para>
/// </remarks>
internal sealed class WindowTally
{
    private readonly CorrelationType _type;
    private readonly int _rules;
    private readonly List<(long Ticks, Engine.RuleMatch Detection)> _joined = [];
    private Dictionary<string, ValueTally>? _values;
    private SequenceMatcher? _sequence;
    private double _sum;
    private long _count;
    private long _lastTicks;
    private int _stored;

    /// <summary>Creates an empty tally for a correlation of <paramref name="type"/> over <paramref name="rules"/> rules.</summary>
    public WindowTally(CorrelationType type, int rules)
    {
        _type = type;
        _rules = rules;
    }

    /// <summary>The newest detection seen (the one that completes the window), or null when empty.</summary>
    public Engine.RuleMatch? Last { get; private set; }

    /// <summary>The figure the condition tests (all types but value_percentile).</summary>
    public double Figure => _type switch
    {
        CorrelationType.EventCount => _count,
        CorrelationType.ValueCount or CorrelationType.Temporal => _values?.Count ?? 0,
        CorrelationType.TemporalOrdered => _sequence?.Longest ?? 0,
        CorrelationType.ValueSum => _sum,
        CorrelationType.ValueAvg => _count == 0 ? 0 : _sum / _count,
        _ => throw new InvalidOperationException("value_percentile has one figure per value; use Percentiles()."),
    };

    /// <summary>Takes in one detection.</summary>
    public void Add(in Observation observation, CorrelationCounters counters)
    {
        _count++;
        if (Last is null || observation.Ticks >= _lastTicks)
        {
            Last = observation.Detection;
            _lastTicks = observation.Ticks;
        }

        if (_joined.Count < CorrelationLimits.MaxJoined)
        {
            _joined.Add((observation.Ticks, observation.Detection));
        }

        switch (_type)
        {
            case CorrelationType.ValueSum or CorrelationType.ValueAvg:
                _sum += observation.Number;
                break;
            case CorrelationType.TemporalOrdered:
                (_sequence ??= new SequenceMatcher(_rules)).Add(observation.RuleIndex, observation.Ticks, observation.Detection);
                break;
            case CorrelationType.ValueCount or CorrelationType.Temporal or CorrelationType.ValuePercentile:
                AddValue(observation.Value ?? "", observation.Detection, counters);
                break;
        }
    }

    /// <summary>The detections to list in <c>Joined</c>, oldest first.</summary>
    public Engine.RuleMatch[] Joined() => _sequence is { Longest: > 0 } sequence
        ? sequence.Joined(sequence.Longest)
        : [.. _joined.OrderBy(static j => j.Ticks).Select(static j => j.Detection)];

    /// <summary>For value_percentile: each value, its frequency percentile and its detections; rarest first.</summary>
    public IEnumerable<(string Value, double Percentile, Engine.RuleMatch[] Joined)> Percentiles()
    {
        if (_values is null)
        {
            yield break;
        }

        var ordered = _values.OrderBy(static v => v.Value.Count).ThenBy(static v => v.Key, StringComparer.Ordinal).ToList();
        double total = ordered.Sum(static v => v.Value.Count);
        long atMost = 0;
        for (var i = 0; i < ordered.Count;)
        {
            // Values equally frequent share the percentile of the last of them.
            var end = i;
            while (end < ordered.Count && ordered[end].Value.Count == ordered[i].Value.Count)
            {
                atMost += ordered[end].Value.Count;
                end++;
            }

            for (; i < end; i++)
            {
                var tally = ordered[i].Value;
                yield return (ordered[i].Key, 100 * atMost / total, [.. tally.Detections ?? []]);
            }
        }
    }

    /// <summary>Forgets everything, for the group's next window.</summary>
    public void Clear()
    {
        _joined.Clear();
        _values?.Clear();
        _sequence?.Clear();
        _sum = 0;
        _count = 0;
        _stored = 0;
        Last = null;
    }

    private void AddValue(string value, Engine.RuleMatch detection, CorrelationCounters counters)
    {
        _values ??= new Dictionary<string, ValueTally>(StringComparer.Ordinal);
        if (!_values.TryGetValue(value, out var tally))
        {
            if (_values.Count >= CorrelationLimits.MaxValuesPerGroup)
            {
                counters.DroppedEntries++;
                return;
            }

            _values[value] = tally = new ValueTally();
        }

        tally.Count++;
        if (_type != CorrelationType.ValuePercentile)
        {
            return;
        }

        // Every value keeps its first detection, so each percentile detection can name an event; more while the
        // group's budget lasts.
        tally.Detections ??= new List<Engine.RuleMatch>(1);
        if (tally.Detections.Count == 0 || (_stored < CorrelationLimits.MaxStoredPerGroup && tally.Detections.Count < CorrelationLimits.MaxJoined))
        {
            tally.Detections.Add(detection);
            _stored++;
        }
    }

    private sealed class ValueTally
    {
        public long Count { get; set; }

        public List<Engine.RuleMatch>? Detections { get; set; }
    }
}

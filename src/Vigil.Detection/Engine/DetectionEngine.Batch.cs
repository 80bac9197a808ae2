using Vigil.Events;

namespace Vigil.Detection.Engine;

/// <summary>Running the rules over a batch of events, bucket by bucket.</summary>
public sealed partial class DetectionEngine
{
    // Per batch: the buckets met (in order of first sight) and their number, each event's bucket number, the events'
    // indexes grouped by bucket, and each event's range of matched rules in _batchMatched.
    private readonly Dictionary<Bucket, int> _batchGroups = new(ReferenceEqualityComparer.Instance);
    private readonly List<Bucket> _groupBuckets = [];
    private readonly List<CompiledRule> _batchMatched = [];
    private int[] _groupStarts = new int[16];
    private int[] _eventGroup = [];
    private int[] _byGroup = [];
    private int[] _matchedStart = [];
    private int[] _matchedEnd = [];

    /// <summary>
    /// Runs every applicable rule on each of <paramref name="events"/>, appending detections to
    /// <paramref name="output"/>: the same detections, in the same order, as calling
    /// <see cref="Process(LogEvent, List{RuleMatch})"/> for each event in turn.
    /// </summary>
    /// <remarks>
    /// The rules run bucket by bucket: the events of the batch that meet the same rules (one Windows channel and
    /// EventID, or one source type) are evaluated one after another, so that a bucket's prefilter tables and matchers
    /// are brought into the processor's caches once per batch rather than once per event. Analytics, correlations and
    /// output then follow input order, exactly as event by event.
    /// </remarks>
    public void Process(ReadOnlySpan<LogEvent> events, List<RuleMatch> output) => Process(events, output, []);

    /// <summary>
    /// As <see cref="Process(ReadOnlySpan{LogEvent}, List{RuleMatch})"/>, also telling, for each event
    /// <c>i</c>, where its detections end in <paramref name="output"/> (<paramref name="ends"/>[i]: they start where
    /// the previous event's end, or at the count <paramref name="output"/> had). <paramref name="ends"/> may be empty
    /// (not wanted); otherwise it must hold at least one element per event.
    /// </summary>
    public void Process(ReadOnlySpan<LogEvent> events, List<RuleMatch> output, Span<int> ends)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!ends.IsEmpty && ends.Length < events.Length)
        {
            throw new ArgumentException("one end per event is needed", nameof(ends));
        }

        if (events.Length <= 1)
        {
            for (var i = 0; i < events.Length; i++)
            {
                Process(events[i], output);
                Note(i, output, ends);
            }

            return;
        }

        Group(events);
        _batchMatched.Clear();
        foreach (var index in _byGroup.AsSpan(0, events.Length))
        {
            var bucket = _groupBuckets[_eventGroup[index]];
            _matchedStart[index] = _batchMatched.Count;
            if (bucket.Count > 0)
            {
                bucket.Match(events[index], _batchMatched);
            }

            _matchedEnd[index] = _batchMatched.Count;
        }

        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            EventsProcessed++;
            if (_analytics.Count > 0)
            {
                RunAnalytics(e, output);
            }

            Report(e, _batchMatched, _matchedStart[i], _matchedEnd[i], output);
            Note(i, output, ends);
        }
    }

    private static void Note(int i, List<RuleMatch> output, Span<int> ends)
    {
        if (!ends.IsEmpty)
        {
            ends[i] = output.Count;
        }
    }

    // Sorts the events' indexes by bucket (a stable counting sort), into _byGroup.
    private void Group(ReadOnlySpan<LogEvent> events)
    {
        var count = events.Length;
        if (_eventGroup.Length < count)
        {
            _eventGroup = new int[count];
            _byGroup = new int[count];
            _matchedStart = new int[count];
            _matchedEnd = new int[count];
        }

        _batchGroups.Clear();
        _groupBuckets.Clear();
        for (var i = 0; i < count; i++)
        {
            var bucket = BucketFor(events[i]);
            if (!_batchGroups.TryGetValue(bucket, out var group))
            {
                group = _groupBuckets.Count;
                _batchGroups[bucket] = group;
                _groupBuckets.Add(bucket);
            }

            _eventGroup[i] = group;
        }

        var groups = _groupBuckets.Count;
        if (_groupStarts.Length < groups + 1)
        {
            _groupStarts = new int[Math.Max(groups + 1, _groupStarts.Length * 2)];
        }

        var starts = _groupStarts.AsSpan(0, groups + 1);
        starts.Clear();
        for (var i = 0; i < count; i++)
        {
            starts[_eventGroup[i] + 1]++;
        }

        for (var g = 1; g <= groups; g++)
        {
            starts[g] += starts[g - 1];
        }

        // starts[g] becomes the next free place of group g; after placing, it is the end of group g.
        for (var i = 0; i < count; i++)
        {
            _byGroup[starts[_eventGroup[i]]++] = i;
        }
    }
}

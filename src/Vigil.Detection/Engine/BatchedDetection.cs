using Vigil.Events;

namespace Vigil.Detection.Engine;

/// <summary>
/// Runs a <see cref="DetectionEngine"/> over a stream of events a batch at a time: it reads (so parses) a batch of
/// events, then runs the rules on the batch, so that the reader's code and tables and the rules' code and prefilter
/// tables each stay in the processor's caches for a whole batch, instead of evicting each other at every event.
/// </summary>
/// <remarks>
/// The detections are exactly those of calling <see cref="DetectionEngine.Process(LogEvent, List{RuleMatch})"/> for
/// each event in input order, in the same order; they are handed over after each batch rather than after each event,
/// which suits offline hunting (a live stream wants each event judged as it arrives). Not thread-safe, like the
/// engine.
/// </remarks>
public sealed class BatchedDetection
{
    /// <summary>
    /// Events per batch: enough to amortise the switch between reading and detecting, few enough that the batch's
    /// events (about 1.5 KB each from NDJSON) stay in the processor's second-level cache.
    /// </summary>
    public const int DefaultBatchSize = 256;

    private readonly DetectionEngine _engine;
    private readonly LogEvent[] _batch;

    /// <summary>Runs <paramref name="engine"/> in batches of <paramref name="batchSize"/> events.</summary>
    public BatchedDetection(DetectionEngine engine, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _engine = engine;
        _batch = new LogEvent[batchSize];
    }

    /// <summary>
    /// Runs the rules on every event of <paramref name="events"/>, in order. After each batch that found something,
    /// calls <paramref name="emit"/> with <paramref name="output"/> holding the batch's detections, then clears it.
    /// </summary>
    /// <returns>How many events were read.</returns>
    public long Run(IEnumerable<LogEvent> events, List<RuleMatch> output, Action<List<RuleMatch>> emit)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(emit);
        long read = 0;
        var count = 0;
        foreach (var e in events)
        {
            _batch[count++] = e;
            if (count == _batch.Length)
            {
                Detect(count, output, emit);
                read += count;
                count = 0;
            }
        }

        Detect(count, output, emit);
        return read + count;
    }

    private void Detect(int count, List<RuleMatch> output, Action<List<RuleMatch>> emit)
    {
        var batch = _batch.AsSpan(0, count);
        _engine.Process(batch, output);

        // Events are not kept past their batch (a correlation that needs one holds it through its detection).
        batch.Clear();
        if (output.Count > 0)
        {
            emit(output);
            output.Clear();
        }
    }
}

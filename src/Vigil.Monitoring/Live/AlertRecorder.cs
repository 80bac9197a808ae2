using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Live;

/// <summary>
/// Records the detector's batches (their alerts and its cursor, one transaction) on a task of its own, so that the
/// detector runs the next batch while a transaction waits for the store's write lock and syncs.
/// </summary>
/// <remarks>
/// The event writer holds the store's only write lock most of the time under a flood, so recording one batch could
/// stand the detector still for about one event transaction: with the record here, only recording waits. Batches are
/// recorded in order; those that queued while a transaction ran are recorded together in the next one, their
/// candidates in order and the cursor of the last (what one transaction per batch would leave, in fewer commits and
/// syncs). Exactly once still holds: a batch's alerts and the cursor past it commit together, and whatever was not
/// recorded at a crash is read back from the store at the next start. At most <see cref="Capacity"/> batches wait:
/// the detector stops when the recorder falls that far behind.
/// </remarks>
internal sealed partial class AlertRecorder(IVigilStore store, LiveDetectionOptions options, MonitoringMetrics metrics, TimeProvider time, ILogger log)
{
    /// <summary>Detected batches that may wait for recording.</summary>
    public const int Capacity = 4;

    // Candidates of one transaction: a batch's own list when it is recorded alone.
    private readonly List<AlertCandidate> _merged = [];
    private readonly List<DetectedBatch> _taken = [];
    private readonly Channel<DetectedBatch> _queue = Channel.CreateBounded<DetectedBatch>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
        SingleWriter = true,
    });

    /// <summary>Hands over a detected batch; waits while <see cref="Capacity"/> batches are waiting.</summary>
    public ValueTask AddAsync(DetectedBatch batch, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>No more batches: <see cref="RunAsync"/> ends after recording those handed over.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Records batches until <see cref="Complete"/>; a failure to record ends it (the detector then stops).</summary>
    public async Task RunAsync(string cursorName, CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _taken.Clear();
                while (reader.TryRead(out var batch))
                {
                    _taken.Add(batch);
                }

                await RecordAsync(cursorName, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A detector waiting to hand over a batch must not wait for ever: it gets the channel closed.
            _queue.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task RecordAsync(string cursorName, CancellationToken cancellationToken)
    {
        IReadOnlyList<AlertCandidate> candidates;
        if (_taken.Count == 1)
        {
            candidates = _taken[0].Candidates;
        }
        else
        {
            _merged.Clear();
            foreach (var batch in _taken)
            {
                _merged.AddRange(batch.Candidates);
            }

            candidates = _merged;
        }

        var last = _taken[^1].Last;
        var result = await store.Alerts.RecordAsync(candidates, options.GroupWindow, options.Channels, cursorName, last, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        // The oldest batch's commit time: an alert of a later batch of the same transaction is reported a little late.
        DateTimeOffset? committedAt = null;
        foreach (var batch in _taken)
        {
            committedAt ??= batch.CommittedAt;
            metrics.Detection(batch.Elapsed, batch.Events);
        }

        foreach (var alert in result.Created)
        {
            metrics.AlertRaised(alert.RuleId, committedAt is null ? null : time.GetUtcNow() - committedAt.Value);
            LogAlert(log, alert.Id, alert.RuleId, alert.Level);
        }
    }

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Alert {AlertId} raised by rule {RuleId} ({Level})")]
    private static partial void LogAlert(ILogger logger, long alertId, string ruleId, string level);
}

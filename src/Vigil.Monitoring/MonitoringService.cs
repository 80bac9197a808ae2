using Microsoft.Extensions.Logging;
using Vigil.Detection.Engine;
using Vigil.Monitoring.Ingest;
using Vigil.Monitoring.Live;
using Vigil.Storage;

namespace Vigil.Monitoring;

/// <summary>
/// The live pipeline of <c>vigil serve</c>: the ingest queue, the batch writer into the store, live detection into
/// alerts, and retention.
/// </summary>
/// <remarks>
/// <para>
/// Listeners put parsed events into <see cref="Queue"/>; a hand-over is acknowledged when its task completes, that is
/// after its transaction committed. <see cref="StopAsync"/> stops accepting, commits what was queued, lets detection
/// finish the batches it has, and returns.
/// </para>
/// <para>Start once, stop once. The detection engine is used by one thread only (the detector's).</para>
/// </remarks>
public sealed partial class MonitoringService : IAsyncDisposable
{
    private readonly IVigilStore _store;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MonitoringService> _log;
    private readonly DetectorFeed _feed = new();
    private readonly BatchWriter _writer;
    private readonly LiveDetector _detector;
    private readonly CancellationTokenSource _stopping = new();
    private Task _writing = Task.CompletedTask;
    private Task _detecting = Task.CompletedTask;
    private Task _retention = Task.CompletedTask;
    private Task _quarantining = Task.CompletedTask;

    /// <summary>Composes the pipeline over an open store and a loaded engine.</summary>
    public MonitoringService(IVigilStore store, DetectionEngine engine, MonitoringOptions options, TimeProvider time, ILoggerFactory logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        _store = store;
        _options = options;
        _time = time;
        _log = logs.CreateLogger<MonitoringService>();
        Metrics = new MonitoringMetrics();
        Queue = new IngestQueue(options.QueueCapacity, Metrics);
        _writer = new BatchWriter(Queue, store.Events, _feed, Metrics, time, logs.CreateLogger<BatchWriter>());
        _detector = new LiveDetector(_feed, store, engine, options.Detection, Rules, Metrics, time, logs.CreateLogger<LiveDetector>());
        Quarantine = new QuarantineWriter(store.Quarantine, logs.CreateLogger<QuarantineWriter>());
    }

    /// <summary>Where listeners hand over events.</summary>
    public IngestQueue Queue { get; }

    /// <summary>Rules disabled and uploaded while running (the web app's Rules page changes them).</summary>
    public LiveRules Rules => _options.Detection.Rules;

    /// <summary>The pipeline's counters.</summary>
    public MonitoringMetrics Metrics { get; }

    internal QuarantineWriter Quarantine { get; }

    /// <summary>The store the pipeline writes to.</summary>
    public IVigilStore Store => _store;

    /// <summary>Starts writing, detecting and retention in the background.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(() => _writer.RunAsync(CancellationToken.None), cancellationToken);
        _detecting = Task.Run(() => DetectAsync(_stopping.Token), cancellationToken);
        _retention = Task.Run(() => RetainAsync(_stopping.Token), cancellationToken);
        _quarantining = Task.Run(() => Quarantine.RunAsync(CancellationToken.None), cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, commits what was queued and waits for the background work to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Queue.Complete();
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        _feed.Complete();
        await _detecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retention.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        Quarantine.Complete();
        await _quarantining.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task DetectAsync(CancellationToken cancellationToken)
    {
        // Detection failing (a database error while recording alerts) must not stop ingestion: log, wait, resume from
        // the cursor, which re-reads from the store whatever was not recorded.
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _detector.RunAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogDetectionFailed(_log, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RetainAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await _store.Events.ApplyRetentionAsync(_options.Retention, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (deleted > 0)
                {
                    LogRetention(_log, deleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetentionFailed(_log, e.GetType().Name);
            }

            await Task.Delay(_options.RetentionInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Live detection failed ({Error}); resuming from its cursor")]
    private static partial void LogDetectionFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Retention deleted {Count} events")]
    private static partial void LogRetention(ILogger logger, long count);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Retention failed ({Error})")]
    private static partial void LogRetentionFailed(ILogger logger, string error);
}

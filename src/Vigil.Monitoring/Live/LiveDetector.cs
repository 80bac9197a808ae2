using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Events;
using Vigil.Monitoring.Ingest;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;

namespace Vigil.Monitoring.Live;

/// <summary>
/// Runs every committed event through the detection engine, in store order, and records the alerts with the
/// detector's cursor in one transaction.
/// </summary>
/// <remarks>
/// Exactly-once alerts across crashes: the cursor (the last event id finished with) moves in the same transaction as
/// the alerts, and at start the detector reads every event after it from the store before taking live batches. Live
/// batches it has already seen (ids at or below the cursor) are skipped. Correlation windows live in memory and start
/// empty after a restart (see docs/serve.md). Recording runs beside detection (<see cref="AlertRecorder"/>): the
/// detector's position in memory may be a few batches past the recorded cursor.
/// </remarks>
internal sealed partial class LiveDetector(
    DetectorFeed feed,
    IVigilStore store,
    DetectionEngine engine,
    LiveDetectionOptions options,
    LiveRules rules,
    MonitoringMetrics metrics,
    TimeProvider time,
    ILogger<LiveDetector> log)
{
    public const string CursorName = "live-detection";
    private const int ReplayPage = 4096;

    private readonly List<RuleMatch> _matches = [];
    private readonly AlertTexts _texts = new();
    private readonly List<RuleMatch> _uploadedMatches = [];
    // Per event of the batch: where its detections end in _matches (_uploadedMatches).
    private int[] _ends = [];
    private int[] _uploadedEnds = [];
    private LogEvent[] _copy = [];
    private static readonly TimeSpan BaselineInterval = TimeSpan.FromMinutes(5);
    // The last event id run through the engine (the recorded cursor follows it, see AlertRecorder).
    private long _last;
    private DateTimeOffset _baselinesSaved;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _last = await store.Alerts.GetCursorAsync(CursorName, cancellationToken).ConfigureAwait(false);
        await LoadBaselinesAsync(cancellationToken).ConfigureAwait(false);
        var recorder = new AlertRecorder(store, options, metrics, time, log);
        var recording = recorder.RunAsync(CursorName, cancellationToken);
        try
        {
            await CatchUpAsync(recorder, recording, cancellationToken).ConfigureAwait(false);
            await foreach (var batch in feed.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (feed.TakeMissed())
                {
                    await CatchUpAsync(recorder, recording, cancellationToken).ConfigureAwait(false);
                }

                await ProcessAsync(recorder, recording, batch.Ids, batch.Events, batch.CommittedAt, cancellationToken).ConfigureAwait(false);
                if (time.GetUtcNow() - _baselinesSaved > BaselineInterval)
                {
                    await SaveBaselinesAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            // What was detected is recorded before the detector ends (or the recorder's failure surfaces here).
            recorder.Complete();
            await recording.ConfigureAwait(false);
        }

        // The feed closed: the service is stopping. Whatever was missed is in the store for the next start.
        await SaveBaselinesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Baselines (first-seen places, per-user history) outlive restarts: they are saved every few minutes and at stop.
    /// Not in the cursor's transaction: after a crash, events since the last save are learnt again, which only
    /// strengthens a baseline a little; it never raises or loses an alert.
    /// </summary>
    private async Task LoadBaselinesAsync(CancellationToken cancellationToken)
    {
        foreach (var analytic in engine.Analytics.OfType<IStatefulAnalytic>())
        {
            if (await store.State.GetAsync(BaselineKey(analytic), cancellationToken).ConfigureAwait(false) is { } state
                && !analytic.LoadState(state))
            {
                LogBaselineUnreadable(log, analytic.Info.Id);
            }
        }

        _baselinesSaved = time.GetUtcNow();
    }

    private async Task SaveBaselinesAsync(CancellationToken cancellationToken)
    {
        foreach (var analytic in engine.Analytics.OfType<IStatefulAnalytic>())
        {
            await store.State.SetAsync(BaselineKey(analytic), analytic.SaveState(), cancellationToken).ConfigureAwait(false);
        }

        _baselinesSaved = time.GetUtcNow();
    }

    private static string BaselineKey(IAnalytic analytic) => $"baseline:{analytic.Info.Id}";

    private async Task CatchUpAsync(AlertRecorder recorder, Task recording, CancellationToken cancellationToken)
    {
        while (true)
        {
            var ids = new List<long>(ReplayPage);
            var events = new List<LogEvent>(ReplayPage);
            await foreach (var stored in store.Events.SearchAsync(new EventQuery(AfterId: _last, Limit: ReplayPage), cancellationToken).ConfigureAwait(false))
            {
                ids.Add(stored.Id);
                events.Add(stored.ToLogEvent());
            }

            if (ids.Count == 0)
            {
                return;
            }

            LogCatchingUp(log, ids.Count, ids[0]);
            await ProcessAsync(recorder, recording, ids, events, null, cancellationToken).ConfigureAwait(false);
            if (ids.Count < ReplayPage)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs the events after the detector's position through the engine and hands what they raised, with the new
    /// position, to the recorder (<see cref="AlertRecorder"/>): the next batch is run while this one is recorded.
    /// </summary>
    private async Task ProcessAsync(AlertRecorder recorder, Task recording, IReadOnlyList<long> ids, IReadOnlyList<LogEvent> events, DateTimeOffset? committedAt, CancellationToken cancellationToken)
    {
        if (recording.IsCompleted)
        {
            // The recorder stopped (the store failed): stop detecting too, with its error.
            await recording.ConfigureAwait(false);
            throw new InvalidOperationException("the alert recorder stopped before the detector");
        }

        var started = Stopwatch.GetTimestamp();
        var candidates = Detect(ids, events, out var last);
        if (last == _last)
        {
            return;
        }

        _last = last;
        var detected = new DetectedBatch(candidates, last, ids.Count, committedAt, Stopwatch.GetElapsedTime(started));
        try
        {
            await recorder.AddAsync(detected, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The recorder failed while the detector waited for room: its own error is the one to report.
            await recording.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The alert candidates of the events after the detector's position, and the last event id run. The engines run
    /// the batch at once (rules bucket by bucket, then analytics in order: the same detections, in the same order, as
    /// event by event), and tell where each event's detections end.
    /// </summary>
    private IReadOnlyList<AlertCandidate> Detect(IReadOnlyList<long> ids, IReadOnlyList<LogEvent> events, out long last)
    {
        last = _last;
        // Ids increase within a batch (store order): those the detector already ran are a prefix (a catch-up overlap).
        var first = 0;
        while (first < ids.Count && ids[first] <= _last)
        {
            first++;
        }

        var count = ids.Count - first;
        if (count == 0)
        {
            return [];
        }

        var batch = Span(events, first, count);
        Grow(count);
        var switches = rules.Current;
        var uploaded = switches.Uploaded;
        _matches.Clear();
        _uploadedMatches.Clear();
        for (var i = 0; i < count; i++)
        {
            batch[i].StoreId = ids[first + i];
        }

        engine.Process(batch, _matches, _ends);
        uploaded?.Process(batch, _uploadedMatches, _uploadedEnds);
        List<AlertCandidate>? candidates = null;
        int from = 0, uploadedFrom = 0;
        for (var i = 0; i < count; i++)
        {
            var id = ids[first + i];
            Candidates(_matches, from, _ends[i], id, switches, ref candidates);
            from = _ends[i];
            if (uploaded is not null)
            {
                Candidates(_uploadedMatches, uploadedFrom, _uploadedEnds[i], id, switches, ref candidates);
                uploadedFrom = _uploadedEnds[i];
            }

            last = id;
        }

        // The analytics' own tallies are read here, on the only thread that writes them.
        foreach (var analytic in engine.Analytics)
        {
            foreach (var (reason, total) in analytic.Unevaluated)
            {
                metrics.Unevaluated(analytic.Info.Id, reason, total);
            }
        }

        return candidates ?? (IReadOnlyList<AlertCandidate>)[];
    }

    private void Candidates(List<RuleMatch> matches, int from, int to, long id, LiveRuleSnapshot switches, ref List<AlertCandidate>? candidates)
    {
        for (var m = from; m < to; m++)
        {
            var match = matches[m];
            if (switches.Disabled.Contains(match.Rule.Id))
            {
                continue;
            }

            metrics.Detected(match.Rule.Id);
            if (match.Rule.Level >= options.MinLevel)
            {
                (candidates ??= []).Add(ToCandidate(match, id));
            }
        }
    }

    /// <summary>The events <c>[first, first + count)</c> as a span, without a copy when they are in an array or list.</summary>
    private ReadOnlySpan<LogEvent> Span(IReadOnlyList<LogEvent> events, int first, int count)
    {
        switch (events)
        {
            case LogEvent[] array:
                return array.AsSpan(first, count);
            case List<LogEvent> list:
                return CollectionsMarshal.AsSpan(list).Slice(first, count);
            default:
                if (_copy.Length < count)
                {
                    _copy = new LogEvent[count];
                }

                for (var i = 0; i < count; i++)
                {
                    _copy[i] = events[first + i];
                }

                return _copy.AsSpan(0, count);
        }
    }

    private void Grow(int count)
    {
        if (_ends.Length < count)
        {
            _ends = new int[count];
            _uploadedEnds = new int[count];
        }
    }

    private AlertCandidate ToCandidate(RuleMatch match, long id)
    {
        var eventIds = match.IsCorrelation
            ? match.Joined.Select(static j => j.Event.StoreId).Where(static x => x > 0).Distinct().Append(id).Distinct().ToArray()
            : [id];
        var when = match.Timestamp ?? match.Event.Timestamp ?? time.GetUtcNow();
        return new AlertCandidate(match.Rule.Id, match.Rule.Title, AlertTexts.LevelName(match.Rule.Level), AlertKeys.For(match), when, eventIds, _texts.Details(match));
    }

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Saved baseline of analytic {AnalyticId} could not be read; it learns again from empty")]
    private static partial void LogBaselineUnreadable(ILogger logger, string analyticId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Detection catching up from the store: {Count} events from id {FirstId}")]
    private static partial void LogCatchingUp(ILogger logger, int count, long firstId);

}

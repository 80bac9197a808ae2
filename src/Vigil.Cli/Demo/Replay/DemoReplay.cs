using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Cli.Demo.Generation;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Monitoring;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;

namespace Vigil.Cli.Demo.Replay;

/// <summary>
/// Replays generated logs through the pipeline of <c>vigil serve</c>: the same readers, the ingest queue, the batch
/// writer into the store, live detection with the bundled rules (and analytics), alerts grouped in the store.
/// </summary>
/// <remarks>
/// Events go in event-time order, each hand-over a slice of the merged stream; the replay waits for the live
/// detector's cursor to reach the last committed event, then reads the alerts back from the store and maps the
/// events each one cites to the generator's ground truth.
/// </remarks>
internal sealed class DemoReplay(GeneratedLogs logs, string dataDirectory, IReadOnlyList<string> rulePaths, bool analytics = true)
{
    /// <summary>The live detector's cursor in the alert store (<c>LiveDetector.CursorName</c>, internal to Vigil.Monitoring).</summary>
    private const string DetectorCursor = "live-detection";
    private const int HandOver = 2048;
    private const int HandOversPerWait = 16;
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private readonly Dictionary<long, (DateTimeOffset Time, AttackStage Stage)> _attackEvents = [];
    private readonly Dictionary<AttackStage, DateTimeOffset> _starts = [];

    public ProblemLog InputProblems { get; } = new();

    public ProblemLog RuleProblems { get; } = new(static p => Console.Error.WriteLine($"rule skipped: {p}"));

    public async Task<ReplayResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var rules = RuleSet.Load(rulePaths, RuleProblems);
        var engine = new DetectionEngine(rules, new EngineOptions
        {
            Logsources = LogsourceMap.Load(Bundled.LogsourcesFile, RuleProblems),
            Analytics = analytics ? DemoAnalytics.Create(RuleProblems) : [],
        }, RuleProblems);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = dataDirectory }, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var monitoring = new MonitoringService(store, engine, new MonitoringOptions
            {
                // Event times are in 2021: age retention against today's clock would delete them all.
                Retention = new RetentionPolicy(null, null),
                RetentionInterval = TimeSpan.FromDays(1),
            }, TimeProvider.System, NullLoggerFactory.Instance);
            await monitoring.StartAsync(cancellationToken).ConfigureAwait(false);
            long events;
            try
            {
                events = await FeedAsync(monitoring, store, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await monitoring.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            var alerts = new List<ReplayedAlert>();
            await foreach (var alert in store.Alerts.ListAsync(new AlertQuery(Limit: 1_000_000), cancellationToken).ConfigureAwait(false))
            {
                alerts.Add(Classify(alert));
            }

            alerts.Sort(static (a, b) => a.FirstSeen.CompareTo(b.FirstSeen));
            return new ReplayResult(events, InputProblems.Total, _starts, alerts, engine.RulesLoaded, clock.Elapsed);
        }
    }

    private async Task<long> FeedAsync(MonitoringService monitoring, IVigilStore store, CancellationToken cancellationToken)
    {
        var pending = new List<(Task<AppendResult> Commit, AttackStage[] Stages, DateTimeOffset[] Times)>();
        var batch = new List<EventRecord>(HandOver);
        long count = 0;
        long last = 0;

        async Task SendAsync()
        {
            var stages = batch.Select(r => logs.StageOf(r.Event.Source, r.Event.Record)).ToArray();
            var times = batch.Select(static r => r.Event.Timestamp!.Value).ToArray();
            var commit = await monitoring.Queue.EnqueueAsync([.. batch], null, "demo", cancellationToken).ConfigureAwait(false);
            pending.Add((commit, stages, times));
            count += batch.Count;
            batch.Clear();
            if (pending.Count >= HandOversPerWait)
            {
                last = await SettleAsync().ConfigureAwait(false);
            }
        }

        async Task<long> SettleAsync()
        {
            // Keep the detector close behind: a detector far behind has batches dropped from its feed and must notice.
            var max = last;
            foreach (var (commit, stages, times) in pending)
            {
                var ids = (await commit.ConfigureAwait(false)).Ids;
                for (var i = 0; i < ids.Count; i++)
                {
                    if (stages[i] != AttackStage.Benign)
                    {
                        _attackEvents[ids[i]] = (times[i], stages[i]);
                        _starts.TryAdd(stages[i], times[i]);
                    }

                    max = Math.Max(max, ids[i]);
                }
            }

            pending.Clear();
            await WaitForDetectionAsync(store, max, cancellationToken).ConfigureAwait(false);
            return max;
        }

        foreach (var (e, raw) in EventMerge.Read(logs.Files, logs.FirstTimes, InputProblems))
        {
            batch.Add(new EventRecord(e, raw, e.Timestamp!.Value));
            if (batch.Count == HandOver)
            {
                await SendAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            await SendAsync().ConfigureAwait(false);
        }

        await SettleAsync().ConfigureAwait(false);
        return count;
    }

    private static async Task WaitForDetectionAsync(IVigilStore store, long lastId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (await store.Alerts.GetCursorAsync(DetectorCursor, cancellationToken).ConfigureAwait(false) < lastId)
        {
            if (waited.Elapsed > MaxWait)
            {
                throw new TimeoutException($"live detection did not reach event {lastId} within {MaxWait.TotalMinutes} minutes");
            }

            await Task.Delay(2, cancellationToken).ConfigureAwait(false);
        }
    }

    private ReplayedAlert Classify(Alert alert)
    {
        var stages = new Dictionary<AttackStage, DateTimeOffset>();
        foreach (var id in alert.EventIds)
        {
            if (_attackEvents.TryGetValue(id, out var e) && (!stages.TryGetValue(e.Stage, out var seen) || e.Time < seen))
            {
                stages[e.Stage] = e.Time;
            }
        }

        return new ReplayedAlert(alert.RuleId, alert.RuleTitle, alert.Level, alert.FirstSeen, alert.Count, stages);
    }
}

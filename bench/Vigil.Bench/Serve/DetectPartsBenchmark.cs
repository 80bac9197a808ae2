using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Routing;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion.Sources;
using Vigil.Monitoring;
using Vigil.Monitoring.Ingest;
using Vigil.Monitoring.Live;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Bench.Serve;

/// <summary>
/// <c>vigil serve</c>'s detector stage on its own, over the serve benchmark's syslog load parsed as the listener does,
/// in CPU time and bytes allocated per event: the rules alone, the analytics alone, and the live detector (rules and
/// analytics, alerts grouped and recorded in a fresh SQLite store, as the detector thread does it). Prints a digest of
/// the recorded alerts (rule, key, count, times, event ids, details) so two builds can be shown to alert alike.
/// </summary>
internal static class DetectPartsBenchmark
{
    private const int Batch = 4096;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(ServeBenchmark.Option(args, "--events") ?? "200000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(ServeBenchmark.Option(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var sigma = ServeBenchmark.Option(args, "--sigma") ?? BenchPaths.SharedData("sigma");
        // --live-only: only the live detector (to profile it with perf).
        var liveOnly = args.Contains("--live-only");
        // --attacks: one message in 100 is an attack (spray, travel, sshd errors), so that the alert digest compares
        // alerts with joined events and grouping between builds.
        var attacks = args.Contains("--attacks");
        string[] folders = ["rules", "rules-emerging-threats", "rules-threat-hunting", "rules-placeholder", "rules-compliance"];
        var ruleFolders = folders.Select(f => Path.Combine(sigma, f)).Where(Directory.Exists).Append(Path.Combine(BenchPaths.Root, "bench", "rules")).ToList();
        var problems = new ProblemLog();
        var rules = RuleSet.Load(ruleFolders, problems);
        var logsources = LogsourceMap.Load(Path.Combine(BenchPaths.Root, "config", "logsources.yml"), problems);
        var geoIp = Environment.GetEnvironmentVariable("VIGIL_GEOIP_DIR") is { Length: > 0 } dir ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "vigil", "geoip");

        // A fixed time, so that runs of two builds see the same events and can compare their alerts.
        var now = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
        var events = new LogEvent[count];
        for (var i = 0; i < count; i++)
        {
            var raw = attacks && i % 100 == 99 ? Attack(i / 100, now) : SyslogLoad.Message(i, now);
            events[i] = SyslogParser.Parse(raw.AsSpan(), now).Event ?? new LogEvent();
            events[i].Source = "syslog-tcp:127.0.0.1";
        }

        var bare = new DetectionEngine(rules, new EngineOptions { Logsources = logsources }, problems);
        Console.WriteLine($"detect parts: {count:N0} syslog events, {bare.RulesLoaded:N0} rules, GeoIP {(Directory.Exists(geoIp) ? "on" : "off")}, {rounds} rounds; load: {Load()}");
        for (var round = 1; round <= rounds; round++)
        {
            var (rulesCpu, rulesBytes, detections) = liveOnly ? default : Measure(() => RunRules(bare, events));
            var analytics = VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = geoIp }, new ProblemLog());
            var (analyticsCpu, analyticsBytes, findings) = liveOnly ? default : Measure(() => RunAnalytics(analytics, events));
            var engine = new DetectionEngine(rules, new EngineOptions { Logsources = logsources, Analytics = VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = geoIp }, new ProblemLog()) }, problems);

            // Serve runs for days: build the engine's rule buckets (on first sight of each kind of event) before timing,
            // without running rules or analytics, so that their state and the alerts stay those of a fresh engine.
            foreach (var e in events.Take(1000))
            {
                engine.CountCandidates(e);
            }

            var (liveCpu, liveBytes, digest) = await LiveAsync(engine, events, now).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: rules {rulesCpu / count:F2} µs CPU/event, {rulesBytes / count:N0} B/event ({detections / (double)count:F3} detections/event); " +
                $"analytics {analyticsCpu / count:F2} µs, {analyticsBytes / count:N0} B/event ({findings:N0} findings); " +
                $"live detector {liveCpu / count:F2} µs, {liveBytes / count:N0} B/event; load {Load()}"));
            Console.WriteLine($"  alerts: {digest}");
        }

        return 0;
    }

    /// <summary>
    /// Attack message <paramref name="n"/>: dovecot failures of 8 accounts from one address with a success among them
    /// (password spray), one user signing in from two continents (impossible travel), sshd errors (a SigmaHQ rule).
    /// </summary>
    private static string Attack(long n, DateTimeOffset time)
    {
        var body = (n % 10) switch
        {
            < 6 => $"mail dovecot: auth: pam(victim{n % 8},198.51.100.77): pam_authenticate() failed: Authentication failure",
            6 => $"mail dovecot: imap-login: Login: user=<victim{n % 8}@clinic.example>, method=PLAIN, rip=198.51.100.77, lip=10.0.0.5, mpid={n}, TLS",
            7 => $"mail dovecot: imap-login: Login: user=<traveller{n % 3}@clinic.example>, method=PLAIN, rip={(n % 20 < 10 ? "8.8.8.8" : "1.128.0.1")}, lip=10.0.0.5, mpid={n}, TLS",
            8 => $"gw{n % 2} sshd[{n}]: error: Corrupted MAC on input.",
            _ => $"gw sshd[{n}]: fatal: buffer_get_string: bad string length {n}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"<22>{time:MMM dd HH:mm:ss} {body}");
    }

    private static long RunRules(DetectionEngine engine, LogEvent[] events)
    {
        var found = new List<RuleMatch>();
        long detections = 0;
        foreach (var e in events)
        {
            found.Clear();
            engine.Process(e, found);
            detections += found.Count;
        }

        return detections;
    }

    /// <summary>The analytics as the engine runs them: each on the events of its source types.</summary>
    private static long RunAnalytics(IReadOnlyList<IAnalytic> analytics, LogEvent[] events)
    {
        var found = new List<RuleMatch>();
        foreach (var e in events)
        {
            foreach (var analytic in analytics)
            {
                if (analytic.SourceTypes.Count == 0 || analytic.SourceTypes.Contains(e.SourceType))
                {
                    analytic.Observe(e, found);
                }
            }
        }

        return found.Count;
    }

    /// <summary>The live detector over committed batches of ids 1..N, into a fresh store; the alerts' digest.</summary>
    private static async Task<(double Cpu, long Bytes, string Digest)> LiveAsync(DetectionEngine engine, LogEvent[] events, DateTimeOffset now)
    {
        var folder = Path.Combine(BenchPaths.Out, "detect-parts");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var time = new FixedTime(now);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = folder }, time, CancellationToken.None).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var feed = new DetectorFeed();
            var options = new LiveDetectionOptions();
            var detector = new LiveDetector(feed, store, engine, options, options.Rules, new MonitoringMetrics(), time, NullLogger<LiveDetector>.Instance);
            var batches = new List<CommittedBatch>();
            for (var at = 0; at < events.Length; at += Batch)
            {
                var size = Math.Min(Batch, events.Length - at);
                batches.Add(new CommittedBatch([.. Enumerable.Range(at + 1, size).Select(static id => (long)id)], events[at..(at + size)], now));
            }

            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var cpu = Cpu();
            var running = Task.Run(() => detector.RunAsync(CancellationToken.None));
            foreach (var batch in batches)
            {
                // Never more than the feed holds: a dropped batch would be read back from the (empty) event store.
                while (feed.Waiting + batch.Ids.Count > DetectorFeed.MaxWaitingEvents)
                {
                    await Task.Delay(1).ConfigureAwait(false);
                }

                feed.Offer(batch);
            }

            feed.Complete();
            await running.ConfigureAwait(false);
            var used = Cpu() - cpu;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
            return (used.TotalMicroseconds, allocated, await DigestAsync(store).ConfigureAwait(false));
        }
    }

    private static async Task<string> DigestAsync(IVigilStore store)
    {
        var hash = new XxHash64();
        var alerts = 0;
        long hits = 0;
        await foreach (var alert in store.Alerts.ListAsync(new AlertQuery(Limit: 100_000), CancellationToken.None).ConfigureAwait(false))
        {
            alerts++;
            hits += alert.Count;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{alert.RuleId}|{alert.GroupKey}|{alert.Level}|{alert.Count}|{alert.FirstSeen:O}|{alert.LastSeen:O}|{string.Join(',', alert.EventIds)}|{alert.Details}\n");
            hash.Append(Encoding.UTF8.GetBytes(line));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{alerts:N0} alerts, {hits:N0} detections grouped, digest {hash.GetCurrentHashAsUInt64():x16}");
    }

    private static (double Cpu, long Bytes, long Result) Measure(Func<long> action)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Cpu();
        var result = action();
        return ((Cpu() - cpu).TotalMicroseconds, GC.GetAllocatedBytesForCurrentThread() - bytes, result);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

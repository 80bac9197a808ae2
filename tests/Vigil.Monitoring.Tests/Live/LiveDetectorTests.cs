using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Monitoring.Ingest;
using Vigil.Monitoring.Live;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Tests.Live;

public sealed class LiveDetectorTests : IDisposable
{
    private const string FailureRule = """
        title: Mail sign-in failure
        id: 00000000-0000-0000-0000-00000000f001
        logsource:
            product: test
        detection:
            selection:
                auth.outcome: failure
            condition: selection
        level: medium
        """;

    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-live-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Spray_alerts_list_the_ids_of_failures_committed_in_earlier_batches()
    {
        // Failures of five accounts from one address (odd ids 1-9), one per batch, each followed by an unrelated event,
        // then the success (id 20): the analytic kept the failures' events across batches, and the alert must name
        // their store ids, while the events nobody kept need no id at all.
        var batches = new List<(long Id, LogEvent Event)[]>();
        for (var k = 1; k <= 5; k++)
        {
            batches.Add([((2 * k) - 1, SignIn("failure", $"user{k}", k)), (2 * k, Other(k))]);
        }

        batches.Add([(20, SignIn("success", "user9", 10))]);
        var alerts = await RunAsync(batches);

        var spray = Assert.Single(alerts, a => a.RuleId == "vigil-analytic-password-spray");
        Assert.Equal([1, 3, 5, 7, 9], spray.EventIds);
        var success = Assert.Single(alerts, a => a.RuleId == "vigil-analytic-password-spray-success");
        Assert.Equal([1, 3, 5, 7, 9, 20], success.EventIds);
        Assert.Equal("high", success.Level);

        // The plain rule's detections are one alert per key, counted, with each event's id.
        var failures = Assert.Single(alerts, a => a.RuleId == "00000000-0000-0000-0000-00000000f001");
        Assert.Equal(5, failures.Count);
        Assert.Equal([1, 3, 5, 7, 9], failures.EventIds.Order());
        Assert.Equal("medium", failures.Level);
        Assert.Contains("\"source_type\":\"dovecot\"", failures.Details, StringComparison.Ordinal);
    }

    private async Task<List<Alert>> RunAsync(List<(long Id, LogEvent Event)[]> batches)
    {
        var time = new FakeTimeProvider(T0);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = _folder }, time, CancellationToken.None);
        await using (store)
        {
            var problems = new ProblemLog();
            var analytics = VigilAnalytics.Create(new AnalyticsOptions(), problems);
            var engine = new DetectionEngine(RuleSet.Parse(FailureRule, "failure.yml", problems), new EngineOptions { Analytics = analytics }, problems);
            var feed = new DetectorFeed();
            var options = new LiveDetectionOptions();
            var detector = new LiveDetector(feed, store, engine, options, options.Rules, new MonitoringMetrics(), time, NullLogger<LiveDetector>.Instance);
            foreach (var batch in batches)
            {
                feed.Offer(new CommittedBatch([.. batch.Select(static b => b.Id)], [.. batch.Select(static b => b.Event)], T0));
            }

            feed.Complete();
            await detector.RunAsync(CancellationToken.None);
            var alerts = new List<Alert>();
            await foreach (var alert in store.Alerts.ListAsync(new AlertQuery(Limit: 100), CancellationToken.None))
            {
                alerts.Add(alert);
            }

            return alerts;
        }
    }

    private static LogEvent SignIn(string outcome, string user, int minute)
    {
        var e = new LogEvent { Timestamp = T0.AddMinutes(minute), SourceType = "dovecot", Source = "test" };
        e.Add("auth.outcome", outcome);
        e.Add("auth.user", user);
        e.Add("auth.client_ip", "198.51.100.7");
        return e;
    }

    private static LogEvent Other(int minute)
    {
        var e = new LogEvent { Timestamp = T0.AddMinutes(minute), SourceType = "syslog", Source = "test" };
        e.Add("message", "CRON ran");
        return e;
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Monitoring.Live;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Tests.Live;

public sealed class AlertRecorderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-recorder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<bool> Together => new() { true, false };

    [Theory]
    [MemberData(nameof(Together))]
    public async Task Batches_recorded_together_leave_the_alerts_and_cursor_of_one_transaction_each(bool together)
    {
        // The same four batches, queued before the recorder runs (one transaction) or one at a time (four).
        DetectedBatch[] batches =
        [
            new([Candidate("r1", "host-a", 1), Candidate("r2", "host-a", 2)], 10, 10, T0, TimeSpan.FromMilliseconds(3)),
            new([], 20, 10, T0, TimeSpan.FromMilliseconds(2)),
            new([Candidate("r1", "host-a", 25)], 30, 10, null, TimeSpan.FromMilliseconds(2)),
            new([Candidate("r1", "host-b", 31), Candidate("r2", "host-a", 40)], 40, 10, T0, TimeSpan.FromMilliseconds(1)),
        ];

        var time = new FakeTimeProvider(T0);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = _folder }, time, CancellationToken.None);
        await using (store)
        {
            var metrics = new MonitoringMetrics();
            var recorder = new AlertRecorder(store, new LiveDetectionOptions(), metrics, time, NullLogger.Instance);
            Task running;
            if (together)
            {
                foreach (var batch in batches)
                {
                    await recorder.AddAsync(batch, CancellationToken.None);
                }

                running = recorder.RunAsync("test-cursor", CancellationToken.None);
            }
            else
            {
                running = recorder.RunAsync("test-cursor", CancellationToken.None);
                foreach (var batch in batches)
                {
                    await recorder.AddAsync(batch, CancellationToken.None);
                    while (await store.Alerts.GetCursorAsync("test-cursor", CancellationToken.None) != batch.Last)
                    {
                        await Task.Delay(5);
                    }
                }
            }

            recorder.Complete();
            await running;

            Assert.Equal(40, await store.Alerts.GetCursorAsync("test-cursor", CancellationToken.None));
            Assert.Equal(40, metrics.DetectedEventsTotal.Get(""));
            var alerts = new List<Alert>();
            await foreach (var alert in store.Alerts.ListAsync(new AlertQuery(Limit: 100), CancellationToken.None))
            {
                alerts.Add(alert);
            }

            var summary = alerts.OrderBy(static a => a.Id).Select(static a => $"{a.RuleId}/{a.GroupKey}:{a.Count}:{string.Join(',', a.EventIds)}");
            Assert.Equal(["r1/host-a:2:1,25", "r2/host-a:2:2,40", "r1/host-b:1:31"], summary);
        }
    }

    [Fact]
    public async Task A_batch_waits_when_the_recorder_is_that_far_behind()
    {
        var time = new FakeTimeProvider(T0);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = _folder }, time, CancellationToken.None);
        await using (store)
        {
            var recorder = new AlertRecorder(store, new LiveDetectionOptions(), new MonitoringMetrics(), time, NullLogger.Instance);
            for (var k = 1; k <= AlertRecorder.Capacity; k++)
            {
                Assert.True(recorder.AddAsync(new DetectedBatch([], k, 1, T0, TimeSpan.Zero), CancellationToken.None).IsCompletedSuccessfully);
            }

            var waiting = recorder.AddAsync(new DetectedBatch([], 99, 1, T0, TimeSpan.Zero), CancellationToken.None);
            Assert.False(waiting.IsCompleted);
            var running = recorder.RunAsync("test-cursor", CancellationToken.None);
            await waiting;
            recorder.Complete();
            await running;
            Assert.Equal(99, await store.Alerts.GetCursorAsync("test-cursor", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_failed_recorder_fails_the_next_hand_over_instead_of_leaving_it_waiting()
    {
        var time = new FakeTimeProvider(T0);
        var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = _folder }, time, CancellationToken.None);
        var recorder = new AlertRecorder(store, new LiveDetectionOptions(), new MonitoringMetrics(), time, NullLogger.Instance);
        await store.DisposeAsync();
        await recorder.AddAsync(new DetectedBatch([], 1, 1, T0, TimeSpan.Zero), CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => recorder.RunAsync("test-cursor", CancellationToken.None));

        // Whether it was waiting for room or comes later, the detector's hand-over ends with the channel closed.
        var next = recorder.AddAsync(new DetectedBatch([], 2, 1, T0, TimeSpan.Zero), CancellationToken.None).AsTask();
        await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private static AlertCandidate Candidate(string rule, string key, long id) =>
        new(rule, $"Rule {rule}", "high", key, T0.AddSeconds(id), [id], "{}");
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Vulns;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Vulnerabilities.Deadlines;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Tests.Vulns;

/// <summary>Serve's hourly deadline loop, under a fake clock over a real SQLite store.</summary>
public sealed class OverdueCheckServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_finding_that_becomes_overdue_while_serve_runs_raises_its_alert_once_at_the_next_hourly_check()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(Start);
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(folder.Path, "data") }, time, CancellationToken.None);
        var finding = new Finding("db1", "openssl", "3.0.1", "AlmaLinux:9", "ALSA-1", ["CVE-2026-0001"], "3.0.7", 9.1, "critical", false, null, false, null, null, 910, "osv", null, false);
        await new VulnsWorkflow(store, time, new DeadlinePolicy(), []).ScanAsync(new MatchResult([finding], [], 1), new HashSet<string> { "db1" }, 0, Start, CancellationToken.None);
        var service = new OverdueCheckService(store, time, new DeadlinePolicy(), [], NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var running = Task.Run(() => service.RunAsync(stop.Token), CancellationToken.None);
        await WaitAsync(() => Task.FromResult(service.Checks >= 1));
        Assert.Empty(await AlertsAsync(store));
        time.Advance(TimeSpan.FromDays(16));
        await WaitAsync(async () =>
        {
            time.Advance(TimeSpan.FromHours(1));
            return (await AlertsAsync(store)).Count > 0;
        });
        var checks = service.Checks;
        await WaitAsync(() =>
        {
            time.Advance(TimeSpan.FromHours(1));
            return Task.FromResult(service.Checks >= checks + 2);
        });

        Assert.Contains("ALSA-1", Assert.Single(await AlertsAsync(store)).RuleTitle, StringComparison.Ordinal);
        await stop.CancelAsync();
        await running;
    }

    private static async Task WaitAsync(Func<Task<bool>> done)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail("the check loop did not get there within 5 s");
    }

    private static async Task<List<Alert>> AlertsAsync(IVigilStore store)
    {
        var list = new List<Alert>();
        await foreach (var alert in store.Alerts.ListAsync(new AlertQuery(null, null, OverdueAlerts.RuleId, null, 100), CancellationToken.None))
        {
            list.Add(alert);
        }

        return list;
    }
}

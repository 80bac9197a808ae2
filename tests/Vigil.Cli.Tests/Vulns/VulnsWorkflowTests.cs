using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Vulns;
using Vigil.Storage;
using Vigil.Storage.Alerts;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Deadlines;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Tests.Vulns;

/// <summary>Scans and status checks over a real SQLite store, under a fake clock.</summary>
public sealed class VulnsWorkflowTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Start);
    private IVigilStore? _store;

    private IVigilStore Store => _store!;

    public async Task InitializeAsync() => _store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(_folder.Path, "data") }, _time, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        _folder.Dispose();
    }

    private static Finding Finding(string asset, string advisory, string severity = "critical") =>
        new(asset, "openssl", "3.0.1", "AlmaLinux:9", advisory, ["CVE-2026-0001"], "3.0.7", 9.1, severity, false, null, false, null, null, 910, "osv", null, false);

    private Task<(ScanOutcome Outcome, int AlertsRaised)> ScanAsync(params Finding[] findings) =>
        new VulnsWorkflow(Store, _time, new DeadlinePolicy(), ["soc-mail"]).ScanAsync(
            new MatchResult(findings, [], findings.Length), new HashSet<string> { "db1", "web1" }, 0, _time.GetUtcNow(), CancellationToken.None);

    private async Task<List<Alert>> AlertsAsync()
    {
        var list = new List<Alert>();
        await foreach (var alert in Store.Alerts.ListAsync(new AlertQuery(null, null, OverdueAlerts.RuleId, null, 100), CancellationToken.None))
        {
            list.Add(alert);
        }

        return list;
    }

    [Fact]
    public async Task First_seen_survives_rescans_and_an_overdue_finding_is_raised_once_in_the_alert_store()
    {
        await ScanAsync(Finding("db1", "ALSA-1"));
        _time.Advance(TimeSpan.FromDays(10));
        var (early, earlyRaised) = await ScanAsync(Finding("db1", "ALSA-1"));
        _time.Advance(TimeSpan.FromDays(5));
        var (_, raised) = await ScanAsync(Finding("db1", "ALSA-1"));
        _time.Advance(TimeSpan.FromDays(1));
        var (late, again) = await ScanAsync(Finding("db1", "ALSA-1"));
        var (status, statusRaised) = await new VulnsWorkflow(Store, _time, new DeadlinePolicy(), ["soc-mail"]).StatusAsync(CancellationToken.None);

        Assert.Equal(0, earlyRaised);
        Assert.False(Assert.Single(early.Open).Overdue);
        Assert.Equal(1, raised);
        Assert.Equal(0, again);
        Assert.Equal(0, statusRaised);
        Assert.Equal(Start, Assert.Single(late.Open).Tracked.FirstSeen);
        Assert.True(Assert.Single(status).Overdue);
        var alert = Assert.Single(await AlertsAsync());
        Assert.Equal("critical", alert.Level);
        Assert.Contains("ALSA-1", alert.RuleTitle, StringComparison.Ordinal);
        Assert.Single(await Store.Notifications.DueAsync(_time.GetUtcNow(), 10, CancellationToken.None));
    }

    [Fact]
    public async Task An_exception_suppresses_until_it_expires_and_status_then_raises_the_alert()
    {
        await Store.Vulnerabilities.AddExemptionAsync(new StoredExemption(0, "db1", "CVE-2026-0001", null, "it-lead", "vendor fix pending", Start.AddDays(20), Start), CancellationToken.None);
        await ScanAsync(Finding("db1", "ALSA-1"));
        _time.Advance(TimeSpan.FromDays(16));
        var (covered, coveredRaised) = await ScanAsync(Finding("db1", "ALSA-1"));
        _time.Advance(TimeSpan.FromDays(5));
        var (_, statusRaised) = await new VulnsWorkflow(Store, _time, new DeadlinePolicy(), []).StatusAsync(CancellationToken.None);

        Assert.Equal(0, coveredRaised);
        Assert.NotNull(Assert.Single(covered.Open).Exemption);
        Assert.Equal(1, statusRaised);
        Assert.Single(await AlertsAsync());
        Assert.NotNull(Assert.Single(await Store.Vulnerabilities.OpenFindingsAsync(null, CancellationToken.None)).OverdueAlertedAt);
    }

    [Fact]
    public async Task A_fixed_finding_is_resolved_with_its_time_to_remediate_and_other_assets_stay_open()
    {
        await ScanAsync(Finding("db1", "ALSA-1"), Finding("web1", "ALSA-2"));
        _time.Advance(TimeSpan.FromDays(6));

        var (outcome, _) = await new VulnsWorkflow(Store, _time, new DeadlinePolicy(), []).ScanAsync(
            new MatchResult([], [], 3), new HashSet<string> { "db1" }, 0, _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(TimeSpan.FromDays(6), Assert.Single(outcome.Resolved).TimeToRemediate);
        var resolved = Assert.Single(await Store.Vulnerabilities.ResolvedFindingsAsync(Start, CancellationToken.None));
        Assert.Equal("db1", resolved.Asset);
        Assert.Equal("web1", Assert.Single(await Store.Vulnerabilities.OpenFindingsAsync(null, CancellationToken.None)).Asset);
    }
}

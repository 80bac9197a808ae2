using Microsoft.Extensions.Time.Testing;
using Vigil.Vulnerabilities.Deadlines;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Vulnerabilities.Tests.Deadlines;

public sealed class FindingTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly FindingTracker _tracker;
    private List<TrackedFinding> _store = [];

    public FindingTrackerTests() => _tracker = new FindingTracker(new DeadlinePolicy(), _time);

    private static Finding Finding(string asset = "db1", string advisory = "ALSA-1", string severity = "high", bool kev = false, DateOnly? kevDue = null, string version = "1.0")
        => new(asset, "openssl", version, "AlmaLinux:9", advisory, ["CVE-2026-1"], "1.1", null, severity, kev, kevDue, false, null, null, 1, "osv", null, false);

    private ScanOutcome Scan(IReadOnlyList<Exemption>? exemptions = null, params Finding[] findings)
    {
        var outcome = _tracker.Apply(findings, new HashSet<string>(findings.Select(f => f.Asset).Append("db1")), _store, exemptions ?? []);
        _store = [.. outcome.Open.Select(s => s.Tracked)];
        return outcome;
    }

    [Fact]
    public void First_seen_is_kept_across_scans_even_when_the_version_changes()
    {
        Scan(null, Finding());
        _time.Advance(TimeSpan.FromDays(3));

        var outcome = Scan(null, Finding(version: "1.0.5"));

        var tracked = Assert.Single(outcome.Open).Tracked;
        Assert.Equal(Start, tracked.FirstSeen);
        Assert.Equal(Start.AddDays(3), tracked.LastSeen);
        Assert.Equal(new DateOnly(2026, 2, 4), tracked.DueDate);
    }

    [Fact]
    public void An_overdue_finding_is_raised_once()
    {
        Scan(null, Finding(severity: "critical"));
        _time.Advance(TimeSpan.FromDays(14));
        Assert.Empty(Scan(null, Finding(severity: "critical")).NewlyOverdue);

        _time.Advance(TimeSpan.FromDays(1));
        var first = Scan(null, Finding(severity: "critical"));
        _time.Advance(TimeSpan.FromDays(1));
        var second = Scan(null, Finding(severity: "critical"));
        var review = _tracker.Review(_store, []);

        Assert.Single(first.NewlyOverdue);
        Assert.Empty(second.NewlyOverdue);
        Assert.Empty(review.NewlyOverdue);
        Assert.True(Assert.Single(second.Open).Overdue);
    }

    [Fact]
    public void An_exemption_suppresses_until_it_expires_and_then_the_alert_is_raised()
    {
        var exemption = new Exemption(1, "db1", "CVE-2026-1", null, "it-lead", "vendor patch pending", Start.AddDays(40), Start);
        Scan([exemption], Finding());
        _time.Advance(TimeSpan.FromDays(35));

        var covered = Scan([exemption], Finding());
        _time.Advance(TimeSpan.FromDays(6));
        var expired = Scan([exemption], Finding());

        Assert.Empty(covered.NewlyOverdue);
        Assert.Same(exemption, Assert.Single(covered.Open).Exemption);
        Assert.Single(expired.NewlyOverdue);
        Assert.Null(Assert.Single(expired.Open).Exemption);
    }

    [Fact]
    public void A_finding_gone_from_a_scan_of_its_asset_is_resolved_with_its_time_to_remediate_and_other_assets_are_untouched()
    {
        Scan(null, Finding(), Finding(asset: "web1"));
        _time.Advance(TimeSpan.FromDays(9));

        var outcome = _tracker.Apply([], new HashSet<string> { "db1" }, _store, []);

        var resolved = Assert.Single(outcome.Resolved);
        Assert.Equal("db1", resolved.Finding.Asset);
        Assert.Equal(TimeSpan.FromDays(9), resolved.TimeToRemediate);
        Assert.Empty(outcome.Open);
    }

    [Theory]
    [InlineData("critical", false, null, "2026-01-19")]
    [InlineData("high", false, null, "2026-02-04")]
    [InlineData("medium", false, null, "2026-04-05")]
    [InlineData("low", false, null, null)]
    [InlineData("unknown", false, null, "2026-04-05")]
    [InlineData("medium", true, null, "2026-01-19")]
    [InlineData("medium", true, "2026-01-10", "2026-01-10")]
    [InlineData("low", true, "2021-04-16", "2021-04-16")]
    public void Due_dates_follow_the_default_policy(string severity, bool kev, string? kevDue, string? expected)
    {
        var due = new DeadlinePolicy().DueDate(Finding(severity: severity, kev: kev, kevDue: kevDue is null ? null : DateOnly.Parse(kevDue, System.Globalization.CultureInfo.InvariantCulture)), Start);

        Assert.Equal(expected, due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}

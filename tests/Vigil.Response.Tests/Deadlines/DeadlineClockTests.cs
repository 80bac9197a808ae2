using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;

namespace Vigil.Response.Tests.Deadlines;

public sealed class DeadlineClockTests
{
    private static readonly DateTimeOffset Aware = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<string, int?, string[]> Cases => new()
    {
        { "uk-gdpr", null, ["regulator@2026-03-05T09:30"] },
        { "eu-gdpr", 3, ["regulator@2026-03-05T09:30"] },
        { "gg-dpl", 3, ["regulator@2026-03-05T09:30"] },
        { "je-dpjl", 3, ["regulator@2026-03-05T09:30"] },
        { "nhs-dspt", 3, ["dspt@2026-03-05T09:30"] },
        { "us-hipaa", 499, ["individuals@2026-05-01T09:30", "hhs-annual@2027-03-02T00:00"] },
        { "us-hipaa", 500, ["hhs@2026-05-01T09:30", "individuals@2026-05-01T09:30", "media@2026-05-01T09:30"] },
        { "us-hipaa", null, ["hhs@2026-05-01T09:30", "individuals@2026-05-01T09:30", "media@2026-05-01T09:30"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_jurisdiction_counts_its_deadlines_from_awareness(string jurisdiction, int? affected, string[] expected)
    {
        var time = new FakeTimeProvider(Aware.AddHours(1));
        var clocks = new DeadlineClock(time).For(Incident([jurisdiction]), affected);

        Assert.Equal(expected, clocks.Select(c => $"{c.Rule.Id}@{c.Due:yyyy-MM-ddTHH:mm}"));
        Assert.All(clocks, c => Assert.Equal(c.Due - time.GetUtcNow(), c.Remaining));
        Assert.All(clocks, c => Assert.False(c.Overdue));
    }

    [Fact]
    public void Clocks_become_overdue_when_time_passes_and_unknown_jurisdictions_are_skipped()
    {
        var time = new FakeTimeProvider(Aware);
        var clock = new DeadlineClock(time);
        var incident = Incident(["uk-gdpr", "atlantis"]);

        time.Advance(TimeSpan.FromHours(71));
        Assert.Equal(TimeSpan.FromHours(1), Assert.Single(clock.For(incident)).Remaining);
        time.Advance(TimeSpan.FromHours(2));
        var overdue = Assert.Single(clock.For(incident));
        Assert.True(overdue.Overdue);
        Assert.Equal(TimeSpan.FromHours(-1), overdue.Remaining);
    }

    [Fact]
    public void An_unknown_affected_count_is_marked_as_assumed_large()
    {
        var clocks = new DeadlineClock(new FakeTimeProvider(Aware)).For(Incident(["us-hipaa"]), null);

        Assert.Equal(["hhs", "media"], clocks.Where(c => c.AssumedLarge).Select(c => c.Rule.Id));
    }

    internal static Incident Incident(string[] jurisdictions, IncidentStatus status = IncidentStatus.Investigating)
        => new(1, "INC-2026-0001", "Mailbox compromise", "high", status, null, Aware, Aware, jurisdictions, null);
}

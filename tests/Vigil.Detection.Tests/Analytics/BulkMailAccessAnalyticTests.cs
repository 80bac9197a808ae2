using Vigil.Detection.Analytics;
using Vigil.Events;
using static Vigil.Detection.Tests.Analytics.Sample;

namespace Vigil.Detection.Tests.Analytics;

public sealed class BulkMailAccessAnalyticTests
{
    private static readonly string[] Staff = ["amy@clinic.example", "bob@clinic.example", "cat@clinic.example", "dan@clinic.example"];

    /// <summary>Two working weeks: each of the staff reads about 10 items in each of 8 hours a day.</summary>
    private static IEnumerable<LogEvent> Background(int days = 10) =>
        from day in Enumerable.Range(0, days)
        from hour in Enumerable.Range(8, 8)
        from person in Enumerable.Range(0, Staff.Length)
        from item in Enumerable.Range(0, 8 + ((day + hour + person) % 5))
        select MailItemsAccessed(Staff[person], Day0.AddDays(day).AddHours(hour).AddMinutes(item * 5));

    private static readonly DateTimeOffset Day0 = new(2021, 8, 13, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Later(int hour) => Day0.AddDays(10).AddHours(hour);

    public static TheoryData<string, Func<IEnumerable<LogEvent>>, int> Sequences => new()
    {
        { "normal hours", () => Background(), 0 },
        { "one mailbox reads 400 items at night", () => [.. Background(), .. Enumerable.Range(0, 40).Select(i => MailItemsAccessed("amy@clinic.example", Later(2).AddMinutes(i), 10))], 1 },
        { "a day's normal reading of one mailbox in one hour", () => [.. Background(), .. Enumerable.Range(0, 20).Select(i => MailItemsAccessed("amy@clinic.example", Later(9).AddMinutes(i)))], 0 },
        { "OperationCount aggregates: 3 records of 200", () => [.. Background(), .. Enumerable.Range(0, 3).Select(i => MailItemsAccessed("bob@clinic.example", Later(3).AddMinutes(i), 200))], 1 },
        { "whole tenant busy together (no mailbox over half)", () => [.. Background(), .. from i in Enumerable.Range(0, 30) from p in Staff select MailItemsAccessed(p, Later(10).AddMinutes(i), 5)], 0 },
        { "a new mailbox with no history, 24 items", () => Enumerable.Range(0, 24).Select(i => MailItemsAccessed("new@clinic.example", T0.AddMinutes(i))), 0 },
        { "a new mailbox with no history, 300 items", () => Enumerable.Range(0, 30).Select(i => MailItemsAccessed("new@clinic.example", T0.AddMinutes(i), 10)), 0 },
        { "a new mailbox with no history, 3,000 items", () => Enumerable.Range(0, 30).Select(i => MailItemsAccessed("new@clinic.example", T0.AddMinutes(i), 100)), 1 },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Bulk_access_fires_against_the_baselines(string name, Func<IEnumerable<LogEvent>> events, int expected)
    {
        var found = Run(new BulkMailAccessAnalytic(), events());

        Assert.True(expected == found.Count, $"{name}: {found.Count} detections");
        Assert.All(found, static m => Assert.Contains("mailbox", m.GroupBy.Keys));
    }

    [Fact]
    public void Detection_reports_the_mailbox_and_the_hour_count_once()
    {
        var found = Run(new BulkMailAccessAnalytic(), [.. Background(), .. Enumerable.Range(0, 50).Select(i => MailItemsAccessed("amy@clinic.example", Later(2).AddMinutes(i), 10))]);

        var match = Assert.Single(found);
        Assert.Equal("amy@clinic.example", match.GroupBy["mailbox"]);
        Assert.True(match.Value > 25);
    }

    [Fact]
    public void Missing_fields_and_late_events_are_counted()
    {
        var analytic = new BulkMailAccessAnalytic();
        Run(analytic, [
            Event("m365.audit", T0, ("Operation", "MailItemsAccessed")),
            Event("m365.audit", null, ("Operation", "MailItemsAccessed"), ("MailboxOwnerUPN", "a@x")),
            MailItemsAccessed("a@x", T0.AddHours(5)),
            MailItemsAccessed("a@x", T0),
            Event("m365.audit", T0, ("Operation", "MailItemsAccessed"), ("MailboxOwnerUPN", "a@x"), ("ResultStatus", "Failed")),
        ]);

        Assert.Equal(1, analytic.Unevaluated["missing-mailbox"]);
        Assert.Equal(1, analytic.Unevaluated["missing-time"]);
        Assert.Equal(1, analytic.Unevaluated["too-late"]);
    }

    [Fact]
    public void Baseline_survives_a_state_round_trip()
    {
        var before = new BulkMailAccessAnalytic();
        Run(before, Background());
        var after = new BulkMailAccessAnalytic();

        Assert.True(after.LoadState(before.SaveState()));
        Assert.Equal(Staff.Length, after.Mailboxes);
        // With the baseline restored, a normal busy hour stays quiet and a bulk hour fires.
        Assert.Empty(Run(after, Enumerable.Range(0, 20).Select(i => MailItemsAccessed("amy@clinic.example", Later(9).AddMinutes(i)))));
        Assert.Single(Run(after, Enumerable.Range(0, 40).Select(i => MailItemsAccessed("bob@clinic.example", Later(14).AddMinutes(i), 10))));
        Assert.False(after.LoadState("nonsense"));
    }

    [Fact]
    public void State_is_bounded_in_mailboxes_and_history()
    {
        var analytic = new BulkMailAccessAnalytic();
        Run(analytic, Enumerable.Range(0, BulkMailAccessAnalytic.MaxMailboxes + 100).Select(i => MailItemsAccessed($"m{i}@x", T0)));
        Assert.True(analytic.Mailboxes <= BulkMailAccessAnalytic.MaxMailboxes);

        var one = new BulkMailAccessAnalytic();
        Run(one, Enumerable.Range(0, 400).Select(h => MailItemsAccessed("a@x", T0.AddHours(h))));
        Assert.True(one.SaveState().Length < 10_000);
    }
}

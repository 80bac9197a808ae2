using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;

namespace Vigil.Response.Tests.Deadlines;

public sealed class DeadlineReminderTests
{
    private static readonly DateTimeOffset Aware = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("uk-gdpr", "regulator", 72)]
    [InlineData("eu-gdpr", "regulator", 72)]
    [InlineData("gg-dpl", "regulator", 72)]
    [InlineData("je-dpjl", "regulator", 72)]
    [InlineData("nhs-dspt", "dspt", 72)]
    [InlineData("us-hipaa", "individuals", 60 * 24)]
    public void Reminders_come_24h_and_6h_before_and_when_overdue_each_once(string jurisdiction, string rule, int hours)
    {
        var time = new FakeTimeProvider(Aware);
        var reminder = new DeadlineReminder(time);
        var incident = DeadlineClockTests.Incident([jurisdiction]);
        var raised = new List<string>();

        // Walk the clock in 30-minute steps past the deadline, raising what is due and not raised before (as the service does).
        for (var step = 0; step <= (hours + 2) * 2; step++)
        {
            foreach (var due in reminder.Due(incident, affected: 10).Where(d => d.Clock.Rule.Id == rule))
            {
                if (!raised.Contains(due.Key))
                {
                    raised.Add(due.Key);
                    Assert.Equal(due.Key.EndsWith("overdue", StringComparison.Ordinal) ? "critical" : "high", due.Level);
                    Assert.Contains("INC-2026-0001", due.Message, StringComparison.Ordinal);
                }
            }

            time.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal([$"{jurisdiction}:{rule}:24h", $"{jurisdiction}:{rule}:6h", $"{jurisdiction}:{rule}:overdue"], raised);
    }

    [Fact]
    public void Reminder_stages_start_exactly_at_their_lead_time_and_lead_times_are_configurable()
    {
        var time = new FakeTimeProvider(Aware);
        var reminder = new DeadlineReminder(time, [TimeSpan.FromHours(48), TimeSpan.FromMinutes(30)]);
        var incident = DeadlineClockTests.Incident(["gg-dpl"]);

        time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromTicks(1));
        Assert.Empty(reminder.Due(incident));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(["gg-dpl:regulator:48h"], reminder.Due(incident).Select(d => d.Key));
        time.Advance(TimeSpan.FromHours(47.5));
        Assert.Equal(["gg-dpl:regulator:30m"], reminder.Due(incident).Select(d => d.Key));
    }

    [Fact]
    public void A_closed_incident_raises_no_reminders()
    {
        var time = new FakeTimeProvider(Aware.AddDays(10));
        Assert.Empty(new DeadlineReminder(time).Due(DeadlineClockTests.Incident(["uk-gdpr"], IncidentStatus.Closed)));
    }
}

using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Deadlines;

namespace Vigil.Response.Tests.Deadlines;

public sealed class MetDeadlineTests
{
    [Fact]
    public void A_met_deadline_raises_no_reminder_at_any_stage_while_the_others_still_do()
    {
        var incident = DeadlineClockTests.Incident(["uk-gdpr", "gg-dpl"]);
        var time = new FakeTimeProvider(incident.AwareAt);
        var reminder = new DeadlineReminder(time);
        var met = new HashSet<string>(StringComparer.Ordinal) { "uk-gdpr:regulator" };

        foreach (var (hours, expected) in new[] { (49, "gg-dpl:regulator:24h"), (18, "gg-dpl:regulator:6h"), (6, "gg-dpl:regulator:overdue") })
        {
            time.Advance(TimeSpan.FromHours(hours));
            Assert.Equal([expected], reminder.Due(incident, met: met).Select(d => d.Key));
            Assert.Equal(2, reminder.Due(incident).Count);
        }
    }
}

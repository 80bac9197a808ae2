using System.Globalization;
using Vigil.Response.Incidents;

namespace Vigil.Response.Deadlines;

/// <summary>
/// Decides which deadline reminders are due: for each clock, the most urgent stage reached (overdue, then the
/// smallest lead time reached), so a reminder skipped while the service was down is not raised late in a burst.
/// </summary>
public sealed class DeadlineReminder
{
    private readonly DeadlineClock _clock;

    /// <summary>Creates a reminder with lead times <paramref name="leads"/> (default 24 h and 6 h).</summary>
    public DeadlineReminder(TimeProvider time, IReadOnlyList<TimeSpan>? leads = null)
    {
        _clock = new DeadlineClock(time);
        Leads = [.. (leads ?? [TimeSpan.FromHours(24), TimeSpan.FromHours(6)]).Where(l => l > TimeSpan.Zero).OrderByDescending(l => l)];
    }

    /// <summary>The lead times, longest first.</summary>
    public IReadOnlyList<TimeSpan> Leads { get; }

    /// <summary>
    /// The reminders due now for <paramref name="incident"/> (none once it is closed); the caller raises each key once.
    /// A clock whose key (<see cref="Clock.Key"/>) is in <paramref name="met"/> has been met (the notification was
    /// sent and recorded): it raises nothing.
    /// </summary>
    public IReadOnlyList<DueReminder> Due(Incident incident, int? affected = null, IReadOnlySet<string>? met = null)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Status == IncidentStatus.Closed)
        {
            return [];
        }

        var due = new List<DueReminder>();
        foreach (var clock in _clock.For(incident, affected).Where(c => met is null || !met.Contains(c.Key)))
        {
            var what = $"{incident.Reference}: notify {clock.Rule.Recipient} ({clock.Rule.Citation}) by {clock.Due.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";
            if (clock.Overdue)
            {
                due.Add(new DueReminder($"{clock.Key}:overdue", clock, "critical", $"{what}: overdue"));
                continue;
            }

            if (Leads.LastOrDefault(l => clock.Remaining <= l) is { } lead && lead > TimeSpan.Zero)
            {
                due.Add(new DueReminder($"{clock.Key}:{Label(lead)}", clock, "high", $"{what}: less than {Label(lead)} left"));
            }
        }

        return due;
    }

    private static string Label(TimeSpan lead) => lead.TotalHours == Math.Floor(lead.TotalHours)
        ? $"{lead.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : $"{lead.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m";
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.Response.Deadlines;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Cli.Incidents;

/// <summary>
/// <c>vigil serve</c>'s deadline loop: every minute, raises an alert (in the alert store, so it is delivered like any
/// other) for each incident deadline reaching a reminder stage (24 h and 6 h before by default, then overdue), each
/// stage once per incident; a deadline recorded as met (a notification sent) raises nothing. The alert is raised before the stage is marked: a crash in between repeats a reminder
/// rather than losing it.
/// </summary>
internal sealed class DeadlineReminderService
{
    public const string RuleId = "vigil-deadline-reminder";
    private readonly IVigilStore _store;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _channels;
    private readonly ILogger _logger;
    private readonly DeadlineReminder _reminder;

    public DeadlineReminderService(IVigilStore store, TimeProvider time, IReadOnlyList<string> channels, ILogger logger, IReadOnlyList<TimeSpan>? leads = null)
    {
        _store = store;
        _time = time;
        _channels = channels;
        _logger = logger;
        _reminder = new DeadlineReminder(time, leads);
    }

    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    public Task RunAsync(CancellationToken cancellationToken)
        => Serve.PeriodicCheck.RunAsync(RunOnceAsync, Interval, _time, _logger, "Deadline reminders", cancellationToken);

    /// <summary>Raises the reminders due now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var raised = 0;
        foreach (var incident in await _store.Incidents.ListAsync(new IncidentQuery(OpenOnly: true, Limit: 100_000), cancellationToken).ConfigureAwait(false))
        {
            var met = await _store.BreachNotifications.MetAsync(incident.Id, cancellationToken).ConfigureAwait(false);
            var due = _reminder.Due(incident, met: met);
            if (due.Count == 0)
            {
                continue;
            }

            var done = await _store.Incidents.ListRemindersAsync(incident.Id, cancellationToken).ConfigureAwait(false);
            foreach (var reminder in due.Where(d => !done.Contains(d.Key)))
            {
                var now = _time.GetUtcNow();
                var details = new JsonObject
                {
                    ["incident"] = incident.Reference,
                    ["jurisdiction"] = reminder.Clock.Jurisdiction,
                    ["deadline"] = reminder.Clock.Rule.Id,
                    ["recipient"] = reminder.Clock.Rule.Recipient,
                    ["citation"] = reminder.Clock.Rule.Citation,
                    ["due"] = reminder.Clock.Due.ToString("O", CultureInfo.InvariantCulture),
                    ["reminder"] = reminder.Key,
                };
                var candidate = new AlertCandidate(RuleId, reminder.Message, reminder.Level, $"{incident.Reference}:{reminder.Key}", now, [], details.ToJsonString());
                await _store.Alerts.RecordAsync([candidate], TimeSpan.Zero, _channels, RuleId, 0, now, cancellationToken).ConfigureAwait(false);
                await _store.Incidents.MarkReminderAsync(incident.Id, reminder.Key, cancellationToken).ConfigureAwait(false);
                raised++;
            }
        }

        return raised;
    }
}

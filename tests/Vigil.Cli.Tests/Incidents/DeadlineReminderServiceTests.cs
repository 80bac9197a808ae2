using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Cli.Incidents;
using Vigil.Response.Incidents;
using Vigil.Storage;
using Vigil.Storage.Alerts;

namespace Vigil.Cli.Tests.Incidents;

public sealed class DeadlineReminderServiceTests
{
    [Fact]
    public async Task Reminder_alerts_are_raised_in_the_alert_store_once_per_stage_and_queue_notifications()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(folder.Path, "data") }, time, CancellationToken.None);
        await store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", time.GetUtcNow(), ["uk-gdpr", "gg-dpl"]), "alice", CancellationToken.None);
        var closed = await store.Incidents.CreateAsync(new NewIncident("Closed one", "low", time.GetUtcNow(), ["uk-gdpr"]), "alice", CancellationToken.None);
        await store.Incidents.UpdateStatusAsync(closed.Id, IncidentStatus.Closed, "alice", CancellationToken.None);
        var service = new DeadlineReminderService(store, time, ["email"], NullLogger.Instance);

        var raised = new List<int>();
        foreach (var hours in new[] { 1, 47, 1, 18, 1, 6, 1 })
        {
            time.Advance(TimeSpan.FromHours(hours));
            raised.Add(await service.RunOnceAsync(CancellationToken.None));
        }

        // 48 h: 24 h stage (two jurisdictions); 66 h: 6 h stage; 73 h: overdue. Repeated passes raise nothing new.
        Assert.Equal([0, 2, 0, 2, 0, 2, 0], raised);
        var alerts = new List<Alert>();
        await foreach (var a in store.Alerts.ListAsync(new AlertQuery(null, null, DeadlineReminderService.RuleId, null, 100), CancellationToken.None))
        {
            alerts.Add(a);
        }

        Assert.Equal(6, alerts.Count);
        Assert.Equal(2, alerts.Count(a => a.Level == "critical" && a.RuleTitle.EndsWith("overdue", StringComparison.Ordinal)));
        Assert.All(alerts, a => Assert.StartsWith("INC-2026-0001", a.GroupKey, StringComparison.Ordinal));
        Assert.Contains(alerts, a => a.RuleTitle.Contains("ODPA (DPL 2017 s.42)", StringComparison.Ordinal) && a.RuleTitle.EndsWith("less than 6h left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deadline_marked_met_raises_no_more_reminders_while_the_others_continue()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(folder.Path, "data") }, time, CancellationToken.None);
        var incident = await store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", time.GetUtcNow(), ["uk-gdpr", "gg-dpl"]), "alice", CancellationToken.None);
        var service = new DeadlineReminderService(store, time, ["email"], NullLogger.Instance);
        time.Advance(TimeSpan.FromHours(49));
        Assert.Equal(2, await service.RunOnceAsync(CancellationToken.None));

        await store.BreachNotifications.RecordAsync(incident.Id, new Vigil.Storage.Breach.NewNotificationRecord("uk-gdpr", "regulator", "initial", time.GetUtcNow(), "ICO-1"), "user:dpo", CancellationToken.None);
        var raised = new List<int>();
        foreach (var hours in new[] { 18, 6 })
        {
            time.Advance(TimeSpan.FromHours(hours));
            raised.Add(await service.RunOnceAsync(CancellationToken.None));
        }

        // 67 h: only the ODPA's 6 h stage; 73 h: only the ODPA overdue. The ICO deadline was met at 49 h.
        Assert.Equal([1, 1], raised);
        var titles = new List<string>();
        await foreach (var a in store.Alerts.ListAsync(new AlertQuery(null, null, DeadlineReminderService.RuleId, null, 100), CancellationToken.None))
        {
            titles.Add(a.RuleTitle);
        }

        Assert.Equal(1, titles.Count(t => t.Contains("ICO", StringComparison.Ordinal)));
        Assert.Equal(3, titles.Count(t => t.Contains("ODPA", StringComparison.Ordinal)));
    }
}

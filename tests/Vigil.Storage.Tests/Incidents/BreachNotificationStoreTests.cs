using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Migration 8: notifications recorded as sent, per incident and deadline, on both databases.</summary>
public abstract class BreachNotificationStoreTests : IncidentTestBase
{
    [Fact]
    public async Task Recorded_notifications_come_back_per_incident_in_order_and_mark_their_deadlines_met()
    {
        var aware = Database.Time.GetUtcNow();
        var one = await Store.Incidents.CreateAsync(new NewIncident("Mailbox", "high", aware, ["uk-gdpr", "us-hipaa"]), "alice", None);
        var two = await Store.Incidents.CreateAsync(new NewIncident("Laptop", "low", aware, ["gg-dpl"]), "alice", None);
        var sent = aware.AddHours(30);

        var first = await Store.BreachNotifications.RecordAsync(one.Id, new NewNotificationRecord("uk-gdpr", "regulator", NotificationPhases.Initial, sent, " ICO-123 "), "user:dpo", None);
        await Store.BreachNotifications.RecordAsync(one.Id, new NewNotificationRecord("us-hipaa", "individuals", NotificationPhases.Initial, sent, null), "cli:dpo", None);
        await Store.BreachNotifications.RecordAsync(one.Id, new NewNotificationRecord("uk-gdpr", "regulator", NotificationPhases.FollowUp, sent.AddDays(3), "ICO-123"), "user:dpo", None);
        await Store.BreachNotifications.RecordAsync(two.Id, new NewNotificationRecord("gg-dpl", "regulator", NotificationPhases.Final, sent, null), "user:dpo", None);

        Assert.NotNull(first);
        Assert.Equal(("uk-gdpr:regulator", "ICO-123", sent, "user:dpo"), (first.Key, first.Reference, first.SentAt, first.RecordedBy));
        var listed = await Store.BreachNotifications.ListAsync(one.Id, None);
        Assert.Equal(["uk-gdpr:regulator initial", "us-hipaa:individuals initial", "uk-gdpr:regulator follow-up"], listed.Select(r => $"{r.Key} {r.Phase}"));
        Assert.Equal(first, listed[0]);
        Assert.Equal(4, (await Store.BreachNotifications.ListAsync(null, None)).Count);
        Assert.Equal(new HashSet<string> { "uk-gdpr:regulator", "us-hipaa:individuals" }, await Store.BreachNotifications.MetAsync(one.Id, None));
        Assert.Empty(await Store.BreachNotifications.MetAsync(999, None));
    }

    [Fact]
    public async Task A_notification_for_no_incident_is_not_recorded_and_a_bad_phase_is_refused()
    {
        Assert.Null(await Store.BreachNotifications.RecordAsync(42, new NewNotificationRecord("uk-gdpr", "regulator", NotificationPhases.Initial, Database.Time.GetUtcNow(), null), "user:dpo", None));
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.BreachNotifications.RecordAsync(incident.Id, new NewNotificationRecord("uk-gdpr", "regulator", "sometime", Database.Time.GetUtcNow(), null), "user:dpo", None));
        Assert.Empty(await Store.BreachNotifications.ListAsync(null, None));
    }
}

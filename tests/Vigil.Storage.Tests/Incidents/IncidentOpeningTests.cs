using Vigil.Response.Incidents;
using Vigil.Response.Playbooks;
using Vigil.Storage.Alerts;
using Vigil.Storage.Incidents;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Opening an incident from alerts, on both databases by the derived classes.</summary>
public abstract class IncidentOpeningTests : IncidentTestBase
{
    [Fact]
    public async Task An_incident_opened_from_an_alert_gets_its_timeline_observables_and_playbook_tasks()
    {
        var t = Sample.Epoch;
        var appended = await Store.Events.AppendAsync(
            [
                Sample.Event(t, "m365", "raw1", null, ("Operation", "New-InboxRule"), ("UserId", "dr.jones@practice.example"), ("ClientIP", "203.0.113.9:5120"), ("Body", "Patient Marjorie Planted")),
                Sample.Event(t.AddMinutes(3), "m365", "raw2", null, ("Operation", "MailItemsAccessed"), ("UserId", "dr.jones@practice.example"), ("ClientIP", "2001:db8::7")),
            ],
            null,
            None);
        var ids = appended.Ids;
        var batch = await Store.Alerts.RecordAsync([new AlertCandidate("r1", "Inbox rule forwards mail", "high", "dr.jones", t, [.. ids], "{}")], TimeSpan.FromHours(1), [], "test", ids[^1], t, None);
        var playbook = new Playbook("compromised-mailbox", "Compromised mailbox", "", [new("Preserve", "Export the audit log", "MS-P"), new("Contain", "Block sign-in", "MS-C")]);

        var opened = await IncidentOpening.OpenAsync(Store, new NewIncident("Mailbox compromise", "high", t, ["uk-gdpr"]), [batch.Created[0].Id], playbook, "alice", None);

        var incident = Assert.IsType<Incident>(opened.Incident);
        Assert.Equal("compromised-mailbox", incident.Playbook);
        Assert.Equal([batch.Created[0].Id], await Store.Incidents.ListAlertIdsAsync(incident.Id, None));
        var timeline = await Store.Incidents.ListTimelineAsync(incident.Id, None);
        Assert.Contains(timeline, e => e.Source == $"event:{ids[0]}" && e.Text.Contains("New-InboxRule", StringComparison.Ordinal) && e.At == t);
        Assert.Contains(timeline, e => e.Text.StartsWith($"Alert {batch.Created[0].Id} (high): Inbox rule forwards mail", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, e => e.Text.Contains("Marjorie", StringComparison.Ordinal) || e.Text.Contains("raw1", StringComparison.Ordinal));
        Assert.Equal(
            ["account:dr.jones@practice.example", "domain:practice.example", "ip:2001:db8::7", "ip:203.0.113.9"],
            (await Store.Incidents.ListObservablesAsync(incident.Id, None)).Select(o => $"{o.Kind}:{o.Value}"));
        Assert.Equal(["Export the audit log", "Block sign-in"], (await Store.Incidents.ListTasksAsync(incident.Id, None)).Select(x => x.Title));
    }

    [Fact]
    public async Task An_unknown_alert_opens_nothing_and_is_named()
    {
        var opened = await IncidentOpening.OpenAsync(Store, new NewIncident("x", "low", Sample.Epoch, []), [424242], null, "alice", None);

        Assert.Null(opened.Incident);
        Assert.Equal([424242L], opened.UnknownAlerts);
        Assert.Empty(await Store.Incidents.ListAsync(new IncidentQuery(), None));
    }

    [Fact]
    public async Task Alerts_added_to_an_open_incident_bring_their_timeline_and_observables_once()
    {
        var t = Sample.Epoch;
        var first = await Store.Events.AppendAsync([Sample.Event(t, "m365", "raw1", null, ("Operation", "New-InboxRule"), ("UserId", "dr.jones@practice.example"))], null, None);
        var second = await Store.Events.AppendAsync([Sample.Event(t.AddMinutes(9), "sshd", "raw2", null, ("action", "failed"), ("src_ip", "198.51.100.4"))], null, None);
        var a = await Store.Alerts.RecordAsync([new AlertCandidate("r1", "Inbox rule", "high", "dr.jones", t, [.. first.Ids], "{}")], TimeSpan.FromHours(1), [], "test", first.Ids[^1], t, None);
        var b = await Store.Alerts.RecordAsync([new AlertCandidate("r2", "SSH spray", "medium", "198.51.100.4", t, [.. second.Ids], "{}")], TimeSpan.FromHours(1), [], "test", second.Ids[^1], t, None);
        var opened = await IncidentOpening.OpenAsync(Store, new NewIncident("Mailbox compromise", "high", t, []), [a.Created[0].Id], null, "alice", None);
        var id = opened.Incident!.Id;

        var added = await IncidentOpening.AddAlertsAsync(Store, id, [b.Created[0].Id, a.Created[0].Id], None);
        var again = await IncidentOpening.AddAlertsAsync(Store, id, [b.Created[0].Id], None);

        Assert.Equal((2, 1), (added.TimelineEntries, added.Observables));
        Assert.Equal((0, 0), (again.TimelineEntries, again.Observables));
        Assert.Equal([a.Created[0].Id, b.Created[0].Id], await Store.Incidents.ListAlertIdsAsync(id, None));
        Assert.Contains(await Store.Incidents.ListObservablesAsync(id, None), o => o.Kind == "ip" && o.Value == "198.51.100.4");
        Assert.Single(await Store.Incidents.ListTimelineAsync(id, None), e => e.Source == $"alert:{b.Created[0].Id}");
        Assert.Equal([424242L], (await IncidentOpening.AddAlertsAsync(Store, id, [424242], None)).UnknownAlerts);
        Assert.Null((await IncidentOpening.AddAlertsAsync(Store, 999, [b.Created[0].Id], None)).Incident);
    }
}

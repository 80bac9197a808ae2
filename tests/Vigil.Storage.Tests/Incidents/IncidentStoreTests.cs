using System.Text;
using Vigil.Response.Incidents;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Incidents and their work, run on both databases by the derived classes.</summary>
public abstract class IncidentStoreTests : IncidentTestBase
{
    private static readonly DateTimeOffset Aware = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Created_incidents_get_yearly_references_and_read_back()
    {
        var first = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Aware, ["uk-gdpr", "gg-dpl"], "alice", "compromised-mailbox"), "alice", None);
        var second = await Store.Incidents.CreateAsync(new NewIncident("Lost laptop", "medium", Aware, []), "bob", None);

        Assert.Equal(("INC-2026-0001", "INC-2026-0002"), (first.Reference, second.Reference));
        var read = await Store.Incidents.GetByReferenceAsync("inc-2026-0001", None);
        Assert.NotNull(read);
        Assert.Equal((first.Id, "Mailbox compromise", "high", IncidentStatus.New, "alice", Aware, "compromised-mailbox"), (read.Id, read.Title, read.Severity, read.Status, read.Owner, read.AwareAt, read.Playbook));
        Assert.Equal(["uk-gdpr", "gg-dpl"], read.Jurisdictions);
        Assert.Equal([second.Id, first.Id], (await Store.Incidents.ListAsync(new IncidentQuery(), None)).Select(i => i.Id));
        Assert.Null(await Store.Incidents.GetAsync(999, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Incidents.CreateAsync(new NewIncident("x", "severe", Aware, []), "a", None));
    }

    [Fact]
    public async Task Status_tasks_comments_observables_and_alerts_are_recorded_with_who_and_when()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", Aware, ["uk-gdpr"]), "alice", None);
        Assert.True(await Store.Incidents.UpdateStatusAsync(incident.Id, IncidentStatus.Contained, "alice", None));
        Assert.False(await Store.Incidents.UpdateStatusAsync(999, IncidentStatus.Contained, "alice", None));
        await Store.Incidents.AddTasksAsync(incident.Id, [new("Preserve the audit log", "Preserve", "CISA"), new("Block sign-in", "Contain")], None);
        var more = await Store.Incidents.AddTasksAsync(incident.Id, [new("Notify", "Notify")], None);
        Assert.Equal(3, more[0].Number);
        Database.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await Store.Incidents.CompleteTaskAsync(incident.Id, 2, "bob", None));
        Assert.False(await Store.Incidents.CompleteTaskAsync(incident.Id, 2, "bob", None));
        await Store.Incidents.AddCommentAsync(incident.Id, "carol", "Spoke to the practice manager", None);
        Assert.Equal(2, await Store.Incidents.AddObservablesAsync(incident.Id, [new("ip", "203.0.113.9", "event:1"), new("account", "dr.jones", "event:1"), new("ip", "203.0.113.9", "event:2")], None));
        await Store.Incidents.LinkAlertsAsync(incident.Id, [7, 3, 7], None);

        var tasks = await Store.Incidents.ListTasksAsync(incident.Id, None);
        Assert.Equal(("Block sign-in", "Contain", "bob", Database.Time.GetUtcNow()), (tasks[1].Title, tasks[1].Group, tasks[1].DoneBy, tasks[1].DoneAt));
        Assert.Null(tasks[0].DoneBy);
        Assert.Equal(IncidentStatus.Contained, (await Store.Incidents.GetAsync(incident.Id, None))!.Status);
        Assert.Equal(["Spoke to the practice manager"], (await Store.Incidents.ListCommentsAsync(incident.Id, None)).Select(c => c.Text));
        Assert.Equal(["account:dr.jones", "ip:203.0.113.9"], (await Store.Incidents.ListObservablesAsync(incident.Id, None)).Select(o => $"{o.Kind}:{o.Value}"));
        Assert.Equal([3L, 7L], await Store.Incidents.ListAlertIdsAsync(incident.Id, None));
        var timeline = (await Store.Incidents.ListTimelineAsync(incident.Id, None)).Select(t => t.Text).ToList();
        Assert.Equal(["Incident INC-2026-0001 opened", "Status set to Contained", "Task 2 done"], timeline);
        Assert.True(await Store.Incidents.MarkReminderAsync(incident.Id, "uk-gdpr:ico:24h", None));
        Assert.False(await Store.Incidents.MarkReminderAsync(incident.Id, "uk-gdpr:ico:24h", None));
    }

    [Fact]
    public async Task Sealed_documents_round_trip_encrypted_and_every_access_is_in_the_custody_log()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Scope", "high", Aware, []), "alice", None);
        var json = Encoding.UTF8.GetBytes("""{"subjects":[{"nhs":"9434765919","name":"Marjorie Planted-Testname"}]}""");
        await Store.Incidents.PutSealedDocumentAsync(incident.Id, "subjects", json, "alice", None);

        Assert.Equal(json, await Store.Incidents.GetSealedDocumentAsync(incident.Id, "subjects", "bob", None));
        Assert.Null(await Store.Incidents.GetSealedDocumentAsync(incident.Id, "assessment", "bob", None));
        Assert.Equal(["subjects"], await Store.Incidents.ListSealedDocumentKindsAsync(incident.Id, None));
        var custody = await Store.Evidence.ListCustodyAsync(incident.Id, None);
        Assert.Equal(["seal:alice:subjects", "unseal:bob:subjects"], custody.Select(c => $"{c.Action}:{c.Actor}:{c.Detail}"));
    }
}

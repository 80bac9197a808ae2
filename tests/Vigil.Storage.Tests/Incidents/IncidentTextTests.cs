using System.Security.Cryptography;
using Vigil.Response.Incidents;
using Vigil.Storage.Protection;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>
/// What people type about an incident is sealed under the incident's data key; listing, filters and status moves.
/// Run on both databases by the derived classes.
/// </summary>
public abstract class IncidentTextTests : IncidentTestBase
{
    protected const string PlantedNhsNumber = "9434765919";
    protected const string PlantedName = "Marjorie Planted-Testname";
    private static readonly DateTimeOffset Aware = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Description_comments_timeline_text_and_task_notes_read_back_but_are_stored_sealed()
    {
        var incident = await PlantAsync();

        Assert.Equal($"Letter for {PlantedName} sent to the wrong address", await Store.Incidents.GetDescriptionAsync(incident.Id, None));
        Assert.Equal([$"Called {PlantedName}, NHS {PlantedNhsNumber}"], (await Store.Incidents.ListCommentsAsync(incident.Id, None)).Select(c => c.Text));
        Assert.Contains(await Store.Incidents.ListTimelineAsync(incident.Id, None), e => e.Text == $"Recall requested for {PlantedNhsNumber}" && e.Source == "user:ana");
        var task = (await Store.Incidents.ListTasksAsync(incident.Id, None))[0];
        Assert.Equal(("ana", $"Told {PlantedName}"), (task.DoneBy, task.Note));
        Assert.Null((await Store.Incidents.ListTasksAsync(incident.Id, None))[1].Note);

        foreach (var (table, column) in new[] { ("incident_comments", "text"), ("incident_timeline", "text") })
        {
            Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM {table} WHERE {column} <> ''"), System.Globalization.CultureInfo.InvariantCulture));
        }

        var sealedCount = await Database.ScalarAsync("SELECT COUNT(*) FROM incident_comments WHERE text_sealed IS NOT NULL");
        Assert.Equal(1L, Convert.ToInt64(sealedCount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(await Database.ScalarAsync("SELECT COUNT(*) FROM incident_keys"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Sealed_text_moved_to_another_row_or_read_with_the_wrong_master_key_does_not_open()
    {
        var incident = await PlantAsync();
        await Store.Incidents.AddCommentAsync(incident.Id, "ana", "Second comment", None);
        await Database.ScalarAsync("UPDATE incident_comments SET text_sealed = (SELECT text_sealed FROM incident_comments WHERE id = (SELECT MIN(id) FROM incident_comments)) WHERE id = (SELECT MAX(id) FROM incident_comments)");
        await Assert.ThrowsAsync<ProtectionException>(() => Store.Incidents.ListCommentsAsync(incident.Id, None));

        await ReopenAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await Assert.ThrowsAsync<ProtectionException>(() => Store.Incidents.GetDescriptionAsync(incident.Id, None));
    }

    [Fact]
    public async Task Text_stays_readable_after_the_master_key_is_rotated()
    {
        var incident = await PlantAsync();
        var next = RandomNumberGenerator.GetBytes(32);
        await Store.Evidence.RotateMasterKeyAsync(next, "admin", None);
        await ReopenAsync(Convert.ToBase64String(next));

        Assert.Equal($"Called {PlantedName}, NHS {PlantedNhsNumber}", (await Store.Incidents.ListCommentsAsync(incident.Id, None))[0].Text);
    }

    [Fact]
    public async Task Clear_text_written_before_migration_9_is_read_and_sealed_when_the_incident_gets_its_key()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Old", "low", Aware, []), "ana", None);
        await Database.ScalarAsync("DELETE FROM incident_keys");
        await Database.ScalarAsync("UPDATE incident_timeline SET text_sealed = NULL, text = 'Opened before 9'");
        await Database.ScalarAsync($"INSERT INTO incident_comments (incident_id, author, at, text) VALUES ({incident.Id}, 'bob', 1, 'Old clear comment')");
        Assert.Equal(["Old clear comment"], (await Store.Incidents.ListCommentsAsync(incident.Id, None)).Select(c => c.Text));

        await Store.Incidents.AddCommentAsync(incident.Id, "ana", "New comment", None);

        Assert.Equal(["Old clear comment", "New comment"], (await Store.Incidents.ListCommentsAsync(incident.Id, None)).Select(c => c.Text));
        Assert.Equal(["Opened before 9"], (await Store.Incidents.ListTimelineAsync(incident.Id, None)).Select(e => e.Text));
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync("SELECT COUNT(*) FROM incident_comments WHERE text <> '' OR text_sealed IS NULL"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(await Database.ScalarAsync("SELECT COUNT(*) FROM incident_timeline WHERE text <> ''"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Lists_filter_by_status_severity_owner_and_text_page_by_id_and_count_by_status()
    {
        var made = new List<Incident>();
        foreach (var (title, severity, owner) in new[] { ("Mailbox compromise", "high", "ana"), ("Lost laptop", "medium", null), ("Misdirected letter 50% done", "low", "ana"), ("Exchange exploit", "critical", "dpo") })
        {
            made.Add(await Store.Incidents.CreateAsync(new NewIncident(title, severity, Aware, [], owner), "ana", None));
        }

        Assert.True(await Store.Incidents.MoveStatusAsync(made[1].Id, IncidentStatus.New, IncidentStatus.Investigating, "ana", None));
        Assert.False(await Store.Incidents.MoveStatusAsync(made[1].Id, IncidentStatus.New, IncidentStatus.Closed, "ana", None));

        async Task<string[]> Titles(IncidentQuery q) => [.. (await Store.Incidents.ListAsync(q, None)).Select(i => i.Title)];
        Assert.Equal(["Lost laptop"], await Titles(new IncidentQuery(Status: IncidentStatus.Investigating)));
        Assert.Equal(["Exchange exploit"], await Titles(new IncidentQuery(Severity: "critical")));
        Assert.Equal(["Misdirected letter 50% done", "Mailbox compromise"], await Titles(new IncidentQuery(Owner: "ana")));
        Assert.Equal(["Mailbox compromise"], await Titles(new IncidentQuery(Text: "MAILBOX")));
        Assert.Equal(["Misdirected letter 50% done"], await Titles(new IncidentQuery(Text: "50%")));
        Assert.Equal(["Lost laptop"], await Titles(new IncidentQuery(Text: made[1].Reference.ToLowerInvariant())));
        Assert.Equal(["Misdirected letter 50% done", "Lost laptop"], await Titles(new IncidentQuery(Limit: 2, Before: made[3].Id)));

        var counts = await Store.Incidents.CountByStatusAsync(None);
        Assert.Equal((3, 1, 0), (counts[IncidentStatus.New], counts[IncidentStatus.Investigating], counts[IncidentStatus.Closed]));
        await Store.Incidents.LinkAlertsAsync(made[0].Id, [5], None);
        await Store.Incidents.LinkAlertsAsync(made[2].Id, [5, 6], None);
        Assert.Equal([made[2].Id, made[0].Id], (await Store.Incidents.ListForAlertAsync(5, None)).Select(i => i.Id));
    }

    /// <summary>An incident with a planted name and NHS number in each kind of typed text.</summary>
    protected async Task<Incident> PlantAsync()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Misdirected letter", "medium", Aware, ["uk-gdpr"], Description: $"Letter for {PlantedName} sent to the wrong address"), "ana", None);
        await Store.Incidents.AddTasksAsync(incident.Id, [new("Ask the recipient to return it", "Contain"), new("Notify", "Notify")], None);
        Assert.True(await Store.Incidents.CompleteTaskAsync(incident.Id, 1, "ana", $"Told {PlantedName}", None));
        await Store.Incidents.AddCommentAsync(incident.Id, "ana", $"Called {PlantedName}, NHS {PlantedNhsNumber}", None);
        await Store.Incidents.AddTimelineEntryAsync(incident.Id, Aware.AddHours(1), "user:ana", $"Recall requested for {PlantedNhsNumber}", "ana", None);
        return incident;
    }
}

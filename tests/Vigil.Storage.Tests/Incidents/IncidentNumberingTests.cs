using Vigil.Response.Incidents;

namespace Vigil.Storage.Tests.Incidents;

/// <summary>Migration 11: references and task numbers from counters, distinct under concurrent creates, carrying on from the rows already there.</summary>
public abstract class IncidentNumberingTests : IncidentTestBase
{
    [Fact]
    public async Task Concurrent_creates_all_succeed_with_distinct_consecutive_references()
    {
        var aware = Database.Time.GetUtcNow();
        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Store.Incidents.CreateAsync(new NewIncident($"Incident {i}", "low", aware, ["uk-gdpr"]), "alice", None))));

        Assert.Equal(Enumerable.Range(1, 40).Select(static n => $"INC-2026-{n:0000}"), created.Select(static c => c.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Concurrent_task_additions_to_one_incident_all_succeed_with_distinct_numbers()
    {
        var incident = await Store.Incidents.CreateAsync(new NewIncident("Mailbox", "high", Database.Time.GetUtcNow(), ["uk-gdpr"]), "alice", None);
        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            Store.Incidents.AddTasksAsync(incident.Id, [new($"Step {i}a", "contain"), new($"Step {i}b", "contain"), new($"Step {i}c", "notify")], None))));

        Assert.Equal(Enumerable.Range(1, 60), added.SelectMany(static a => a).Select(static t => t.Number).Order());
        Assert.All(added, static a => Assert.Equal([a[0].Number, a[0].Number + 1, a[0].Number + 2], a.Select(static t => t.Number)));
        Assert.Equal(Enumerable.Range(1, 60), (await Store.Incidents.ListTasksAsync(incident.Id, None)).Select(static t => t.Number));
    }

    [Fact]
    public async Task The_migration_carries_numbering_on_from_the_incidents_and_tasks_already_stored()
    {
        var aware = Database.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await Store.Incidents.CreateAsync(new NewIncident($"Incident {i}", "low", aware, []), "alice", None);
        }

        var first = await Store.Incidents.GetByReferenceAsync("INC-2026-0001", None);
        await Store.Incidents.AddTasksAsync(first!.Id, [new("One", "g"), new("Two", "g")], None);

        // As a store written before migration 11 would be: no counters, no task counter column.
        await Database.ScalarAsync("DROP TABLE incident_counters");
        await Database.ScalarAsync("ALTER TABLE incidents DROP COLUMN last_task");
        await Database.ScalarAsync("DELETE FROM schema_migrations WHERE version = 11");
        await ReopenAsync(Key);

        Assert.Equal("INC-2026-0004", (await Store.Incidents.CreateAsync(new NewIncident("After", "low", aware, []), "alice", None)).Reference);
        Assert.Equal([3], (await Store.Incidents.AddTasksAsync(first.Id, [new("Three", "g")], None)).Select(static t => t.Number));
        Database.Time.Advance(TimeSpan.FromDays(366));
        Assert.Equal("INC-2027-0001", (await Store.Incidents.CreateAsync(new NewIncident("Next year", "low", aware, []), "alice", None)).Reference);
    }
}

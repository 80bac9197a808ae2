namespace Vigil.Storage.Incidents;

/// <summary>
/// Migration 11: incident references and task numbers come from counters incremented in the creating transaction
/// (an upsert or update with <c>RETURNING</c>), not from COUNT/MAX + 1, which two concurrent transactions on
/// PostgreSQL could both read before either committed, and then collide on the unique key. Seeded from the rows
/// already there, so numbering carries on where it was.
/// </summary>
internal static class IncidentCounterSchema
{
    public const long Version = 11;

    public const string Description = "incident reference and task counters";

    /// <summary>The counter of a year's references (<c>INC-2026-0001</c>).</summary>
    public const string NextReference =
        "INSERT INTO incident_counters (name, value) VALUES (@k, 1) ON CONFLICT (name) DO UPDATE SET value = incident_counters.value + 1 RETURNING value";

    /// <summary>Reserves @n task numbers of incident @i; returns the last one reserved.</summary>
    public const string ReserveTasks = "UPDATE incidents SET last_task = last_task + @n WHERE id = @i RETURNING last_task";

    public const string Sqlite = """
        CREATE TABLE incident_counters (
            name TEXT PRIMARY KEY,
            value INTEGER NOT NULL);
        INSERT INTO incident_counters (name, value)
            SELECT 'reference:' || substr(reference, 5, 4), MAX(CAST(substr(reference, 10) AS INTEGER))
            FROM incidents WHERE reference LIKE 'INC-____-%' GROUP BY substr(reference, 5, 4);
        ALTER TABLE incidents ADD COLUMN last_task INTEGER NOT NULL DEFAULT 0;
        UPDATE incidents SET last_task = (SELECT COALESCE(MAX(t.number), 0) FROM incident_tasks t WHERE t.incident_id = incidents.id);
        """;

    public const string Postgres = """
        CREATE TABLE incident_counters (
            name text PRIMARY KEY,
            value bigint NOT NULL);
        INSERT INTO incident_counters (name, value)
            SELECT 'reference:' || substr(reference, 5, 4), MAX(CAST(substr(reference, 10) AS bigint))
            FROM incidents WHERE reference LIKE 'INC-____-%' GROUP BY substr(reference, 5, 4);
        ALTER TABLE incidents ADD COLUMN last_task bigint NOT NULL DEFAULT 0;
        UPDATE incidents SET last_task = (SELECT COALESCE(MAX(t.number), 0) FROM incident_tasks t WHERE t.incident_id = incidents.id);
        """;

    /// <summary>The counter name of references opened in <paramref name="year"/>.</summary>
    public static string ReferenceCounter(int year) => "reference:" + year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
}

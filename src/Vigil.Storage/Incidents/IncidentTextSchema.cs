namespace Vigil.Storage.Incidents;

/// <summary>
/// Migration 9 (incidents web): what people type about an incident (description, comments, timeline entries, task
/// notes) is sealed under a data key of the incident's own, wrapped by the master key (see docs/web-incidents.md).
/// The old clear <c>text</c> columns stay for rows written before it and are emptied when the incident gets its key.
/// </summary>
internal static class IncidentTextSchema
{
    public const long Version = 9;

    public const string Description = "incident keys; sealed description, comment, timeline and task-note text";

    public const string Sqlite = """
        CREATE TABLE incident_keys (
            incident_id INT PRIMARY KEY REFERENCES incidents (id),
            key_id TEXT NOT NULL,
            wrapped_key BLOB NOT NULL);
        ALTER TABLE incidents ADD COLUMN description_sealed BLOB;
        ALTER TABLE incident_timeline ADD COLUMN text_sealed BLOB;
        ALTER TABLE incident_comments ADD COLUMN text_sealed BLOB;
        ALTER TABLE incident_tasks ADD COLUMN note_sealed BLOB;
        CREATE INDEX incidents_status ON incidents (status);
        CREATE INDEX incident_alerts_alert ON incident_alerts (alert_id);
        """;

    public const string Postgres = """
        CREATE TABLE incident_keys (
            incident_id bigint PRIMARY KEY REFERENCES incidents (id),
            key_id text NOT NULL,
            wrapped_key bytea NOT NULL);
        ALTER TABLE incidents ADD COLUMN description_sealed bytea;
        ALTER TABLE incident_timeline ADD COLUMN text_sealed bytea;
        ALTER TABLE incident_comments ADD COLUMN text_sealed bytea;
        ALTER TABLE incident_tasks ADD COLUMN note_sealed bytea;
        CREATE INDEX incidents_status ON incidents (status);
        CREATE INDEX incident_alerts_alert ON incident_alerts (alert_id);
        """;
}

namespace Vigil.Storage.Sql;

/// <summary>The schema in SQLite's dialect (see docs/storage.md); keep in step with <see cref="PostgresSchema"/>.</summary>
internal static class SqliteSchema
{
    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "events, alerts, outbox, tokens, quarantine, state", """
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ts INTEGER NOT NULL,
                received_at INTEGER NOT NULL,
                source_type TEXT NOT NULL,
                origin TEXT NOT NULL,
                record INTEGER NOT NULL,
                fields TEXT NOT NULL,
                raw BLOB NOT NULL);
            CREATE INDEX events_ts ON events (ts);
            CREATE INDEX events_source_type_ts ON events (source_type, ts);
            CREATE TABLE idempotency_keys (key TEXT PRIMARY KEY, committed_at INTEGER NOT NULL);
            CREATE INDEX idempotency_keys_committed_at ON idempotency_keys (committed_at);
            CREATE TABLE alerts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                rule_id TEXT NOT NULL,
                rule_title TEXT NOT NULL,
                level TEXT NOT NULL,
                level_rank INTEGER NOT NULL,
                group_key TEXT NOT NULL,
                first_seen INTEGER NOT NULL,
                last_seen INTEGER NOT NULL,
                hit_count INTEGER NOT NULL,
                event_ids TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                details TEXT NOT NULL);
            CREATE INDEX alerts_open ON alerts (rule_id, group_key, status, last_seen);
            CREATE INDEX alerts_created_at ON alerts (created_at);
            CREATE TABLE cursors (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
            CREATE TABLE notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
                channel TEXT NOT NULL,
                status TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL);
            CREATE INDEX notifications_due ON notifications (status, next_attempt_at);
            CREATE INDEX notifications_alert ON notifications (alert_id);
            CREATE TABLE tokens (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                scopes TEXT NOT NULL,
                hash BLOB NOT NULL,
                created_at INTEGER NOT NULL,
                revoked_at INTEGER);
            CREATE TABLE quarantine (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                listener TEXT NOT NULL,
                origin TEXT NOT NULL,
                reason TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                raw BLOB NOT NULL);
            CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
        new(2, AccessSchema.Description, AccessSchema.Sqlite),
        SqliteSchemaVulns.Migration,
        new(SchemaAlertWorkflow.Version, SchemaAlertWorkflow.Description, SchemaAlertWorkflow.Sqlite),
        new(5, Incidents.IncidentSchema.Description, Incidents.IncidentSchema.Sqlite),
        new(Discovery.SchemaDiscovery.Version, Discovery.SchemaDiscovery.Description, Discovery.SchemaDiscovery.Sqlite),
        new(Rules.SchemaRules.Version, Rules.SchemaRules.Description, Rules.SchemaRules.Sqlite),
        new(Breach.SchemaBreachNotifications.Version, Breach.SchemaBreachNotifications.Description, Breach.SchemaBreachNotifications.Sqlite),
        new(Incidents.IncidentTextSchema.Version, Incidents.IncidentTextSchema.Description, Incidents.IncidentTextSchema.Sqlite),
        new(AuditIndexSchema.Version, AuditIndexSchema.Description, AuditIndexSchema.Sql),
        new(Incidents.IncidentCounterSchema.Version, Incidents.IncidentCounterSchema.Description, Incidents.IncidentCounterSchema.Sqlite),
        new(Protection.MasterKeyVersion.Version, Protection.MasterKeyVersion.Description, Protection.MasterKeyVersion.Sqlite),
        new(EventBlockSchema.Version, EventBlockSchema.Description, EventBlockSchema.Sqlite),
    ];
}

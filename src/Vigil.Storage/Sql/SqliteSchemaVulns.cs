namespace Vigil.Storage.Sql;

/// <summary>Migration 3 (vulnerability feeds, findings, exceptions, scan runs) in SQLite's dialect; see docs/vulnerabilities.md.</summary>
internal static class SqliteSchemaVulns
{
    public static readonly Migration Migration = new(3, "vulnerability feeds, findings, exceptions, scan runs", """
        CREATE TABLE vuln_feed_items (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            body TEXT NOT NULL,
            imported_at INTEGER NOT NULL,
            PRIMARY KEY (kind, key));
        CREATE TABLE vuln_scans (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at INTEGER NOT NULL,
            as_of INTEGER NOT NULL,
            assets INTEGER NOT NULL,
            components INTEGER NOT NULL,
            findings INTEGER NOT NULL,
            resolved INTEGER NOT NULL,
            problems INTEGER NOT NULL);
        CREATE TABLE vuln_findings (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            finding_key TEXT NOT NULL,
            asset TEXT NOT NULL,
            advisory TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            due_day INTEGER,
            overdue_alerted_at INTEGER,
            resolved_at INTEGER,
            last_scan_id INTEGER NOT NULL,
            details TEXT NOT NULL);
        CREATE INDEX vuln_findings_asset ON vuln_findings (asset, resolved_at);
        CREATE INDEX vuln_findings_key ON vuln_findings (finding_key, resolved_at);
        CREATE TABLE vuln_exceptions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            asset TEXT,
            advisory TEXT NOT NULL,
            package TEXT,
            owner TEXT NOT NULL,
            reason TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            created_at INTEGER NOT NULL);
        """);
}

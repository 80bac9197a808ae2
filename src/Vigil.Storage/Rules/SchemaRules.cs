namespace Vigil.Storage.Rules;

/// <summary>Migration 7 (rules from the web app: enabled or disabled rules, uploaded Sigma rules) in both dialects.</summary>
internal static class SchemaRules
{
    public const long Version = 7;

    public const string Description = "rules: rule states, uploaded rules";

    public const string Sqlite = """
        CREATE TABLE rule_states (
            rule_id TEXT PRIMARY KEY,
            enabled INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            reason TEXT);
        CREATE TABLE custom_rules (
            rule_id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            yaml TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL);
        """;

    public const string Postgres = """
        CREATE TABLE rule_states (
            rule_id text PRIMARY KEY,
            enabled bigint NOT NULL,
            changed_by text NOT NULL,
            changed_at bigint NOT NULL,
            reason text);
        CREATE TABLE custom_rules (
            rule_id text PRIMARY KEY,
            title text NOT NULL,
            yaml text NOT NULL,
            created_by text NOT NULL,
            created_at bigint NOT NULL);
        """;
}

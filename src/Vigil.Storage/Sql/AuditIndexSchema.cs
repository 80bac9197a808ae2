namespace Vigil.Storage.Sql;

/// <summary>
/// Migration 10: filtering the audit log by action (the Audit page, its API, a scan's reveal list) without walking the
/// whole log. Its own migration, so stores created before it get the index too.
/// </summary>
internal static class AuditIndexSchema
{
    public const long Version = 10;

    public const string Description = "audit index by action";

    public const string Sql = "CREATE INDEX IF NOT EXISTS audit_action ON audit (action, id);";
}

namespace Vigil.Storage.Sql;

/// <summary>
/// Which writers a write transaction excludes. SQLite has one writer anyway; on PostgreSQL these become transaction
/// advisory locks so that, for example, event ids are allocated and committed in the same order by every process.
/// </summary>
internal enum WriteLock
{
    /// <summary>No lock beyond the database's own.</summary>
    None = 0,

    /// <summary>Schema migrations.</summary>
    Schema = 1,

    /// <summary>Event appends: ids must become visible in increasing order, or a reader resuming after an id could miss one.</summary>
    Events = 2,

    /// <summary>Alert grouping (read the open alert, then update it).</summary>
    Alerts = 3,

    /// <summary>Custody log appends (read the last entry's hash, then append the next).</summary>
    Custody = 5,

    /// <summary>Wrapping data keys (held shared) against a master key rotation (held exclusively).</summary>
    MasterKey = 6,
}

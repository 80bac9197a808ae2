namespace Vigil.Storage;

/// <summary>Which database to open.</summary>
/// <remarks>
/// With no <see cref="ConnectionString"/>, SQLite at <c>{DataDirectory}/vigil.db</c> (created with mode 0700 on the
/// folder). A non-empty <see cref="ConnectionString"/> selects PostgreSQL: Npgsql's form (<c>Host=...;Database=...</c>)
/// or a <c>postgres://user:password@host:port/database</c> URI.
/// </remarks>
public sealed class StoreOptions
{
    /// <summary>The data folder for SQLite.</summary>
    public string DataDirectory { get; set; } = "vigil-data";

    /// <summary>A PostgreSQL connection string, or null (or empty) for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The master key for evidence and sealed documents (32 bytes, base64), or null: then <c>VIGIL_MASTER_KEY</c>, else
    /// <c>{DataDirectory}/master.key</c> (created with mode 0600 on first use). Never stored in the database.
    /// </summary>
    public string? MasterKey { get; set; }
}

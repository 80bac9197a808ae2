namespace Vigil.Storage;

/// <summary>Which database to open.</summary>
/// <remarks>
/// With no <see cref="ConnectionString"/>, SQLite at <c>{DataDirectory}/vigil.db</c> (created with mode 0700 on the
/// folder). A connection string starting <c>Host=</c> or <c>postgres</c> selects PostgreSQL.
/// </remarks>
public sealed class StoreOptions
{
    /// <summary>The data folder for SQLite.</summary>
    public string DataDirectory { get; set; } = "vigil-data";

    /// <summary>A PostgreSQL connection string, or null for SQLite.</summary>
    public string? ConnectionString { get; set; }
}

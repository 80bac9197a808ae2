using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

/// <summary>Opens Vigil's database.</summary>
public static class VigilStore
{
    /// <summary>Opens (creating if needed) and migrates the database <paramref name="options"/> names.</summary>
    /// <remarks>
    /// A non-empty <see cref="StoreOptions.ConnectionString"/> selects PostgreSQL (Npgsql's <c>Host=...</c> form or a
    /// <c>postgres://</c> URI); otherwise SQLite in <see cref="StoreOptions.DataDirectory"/>. Migrations run in one
    /// transaction; a database whose schema is newer than this code is refused.
    /// </remarks>
    /// <exception cref="StoreException">The database cannot be opened or migrated; the message says which and why.</exception>
    public static async Task<IVigilStore> OpenAsync(StoreOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        Database db = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? await SqliteDatabase.OpenAsync(options.DataDirectory, cancellationToken).ConfigureAwait(false)
            : await PostgresDatabase.OpenAsync(options.ConnectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await Migrator.MigrateAsync(db, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return new SqlVigilStore(db, time, options);
        }
        catch (DbException e)
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot migrate the {db.Provider} database {db.Name}: {e.Message}", e);
        }
        catch
        {
            await db.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using System.Data.Common;

namespace Vigil.Storage.Sql;

/// <summary>Brings a database to the newest schema this code knows, in one transaction.</summary>
/// <remarks>
/// Every known migration that the database has not recorded is applied, in version order, not just those above the
/// highest recorded version: migrations are numbered per module, so a build may learn of a lower number late.
/// </remarks>
internal static class Migrator
{
    public static async Task MigrateAsync(Database database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var migrations = database.Migrations.OrderBy(static m => m.Version).ToList();
        var latest = migrations[^1].Version;
        await using var scope = await database.BeginWriteAsync(WriteLock.Schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(scope, "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<long>();
        using (var command = scope.Command("SELECT version FROM schema_migrations"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt64(0));
            }
        }

        var current = applied.Count == 0 ? 0 : applied.Max();

        if (current > latest)
        {
            throw new StoreException(
                $"The database {database.Name} has schema version {current}, newer than this version of Vigil knows ({latest}); "
                + "run a newer Vigil or point it at another database.");
        }

        foreach (var migration in migrations)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await ExecuteAsync(scope, migration.Sql, cancellationToken).ConfigureAwait(false);
            using var record = scope.Command("INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)")
                .With("@v", migration.Version)
                .With("@d", migration.Description)
                .With("@t", Db.Micros(now));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(WriteScope scope, string sql, CancellationToken cancellationToken)
    {
        using DbCommand command = scope.Command(sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

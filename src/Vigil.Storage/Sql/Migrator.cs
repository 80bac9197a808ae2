using System.Data.Common;

namespace Vigil.Storage.Sql;

/// <summary>Brings a database to the newest schema this code knows, in one transaction.</summary>
internal static class Migrator
{
    public static async Task MigrateAsync(Database database, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var migrations = database.Migrations;
        var latest = migrations[^1].Version;
        await using var scope = await database.BeginWriteAsync(WriteLock.Schema, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(scope, "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)", cancellationToken).ConfigureAwait(false);

        long current;
        using (var command = scope.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        {
            current = await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        if (current > latest)
        {
            throw new StoreException(
                $"The database {database.Name} has schema version {current}, newer than this version of Vigil knows ({latest}); "
                + "run a newer Vigil or point it at another database.");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= current)
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

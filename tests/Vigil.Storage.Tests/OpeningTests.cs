using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests;

/// <summary>Opening and migrating, run on both databases by the derived classes.</summary>
public abstract class OpeningTests : StoreTests
{
    [Fact]
    public async Task Reopening_applies_no_migration_twice()
    {
        await ReopenAsync();
        await ReopenAsync();

        var applied = Convert.ToInt64(await Database.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
        var known = Database is SqliteTestDatabase ? Sql.SqliteSchema.Migrations : Sql.PostgresSchema.Migrations;
        var latest = Convert.ToInt64(await Database.ScalarAsync("SELECT MAX(version) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(known.Count, applied);
        Assert.Equal(known.Max(static m => m.Version), latest);
        Assert.Equal(Store.Provider, Database is SqliteTestDatabase ? "sqlite" : "postgresql");
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_with_a_message_saying_so()
    {
        await Store.DisposeAsync();
        await Database.ScalarAsync("INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'from the future', 0)");

        var error = await Assert.ThrowsAsync<StoreException>(Database.OpenAsync);

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.Contains("999", error.Message, StringComparison.Ordinal);
        await Database.ScalarAsync("DELETE FROM schema_migrations WHERE version = 999");
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_named_in_the_error_without_secrets()
    {
        var (options, names, neverShown) = Database.Unopenable;

        var error = await Assert.ThrowsAsync<StoreException>(() => VigilStore.OpenAsync(options, TimeProvider.System, None));

        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(neverShown, error.Message, StringComparison.Ordinal);
    }
}

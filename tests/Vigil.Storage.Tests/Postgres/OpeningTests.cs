using Npgsql;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Postgres;

public sealed class OpeningTests : Tests.OpeningTests
{
    [Fact]
    public async Task A_postgres_uri_opens_the_same_database()
    {
        var database = (PostgresTestDatabase)Database;
        var server = new NpgsqlConnectionStringBuilder(database.Server);
        await Store.State.SetAsync("k", "v", None);
        var uri = $"postgresql://{Uri.EscapeDataString(server.Username!)}:{Uri.EscapeDataString(server.Password!)}@{server.Host}:{server.Port}/{server.Database}?search_path={database.Schema}";

        await using var other = await VigilStore.OpenAsync(new StoreOptions { ConnectionString = uri }, TimeProvider.System, None);

        Assert.Equal("v", await other.State.GetAsync("k", None));
    }

    [Fact]
    public async Task A_connection_string_without_a_host_is_refused_naming_the_setting_but_not_the_password()
    {
        var error = await Assert.ThrowsAsync<StoreException>(() =>
            VigilStore.OpenAsync(new StoreOptions { ConnectionString = "Username=x;Password=hunter2-secret" }, TimeProvider.System, None));

        Assert.Contains("Host", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}

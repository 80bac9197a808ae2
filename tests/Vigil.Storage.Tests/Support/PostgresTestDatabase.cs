using Npgsql;

namespace Vigil.Storage.Tests.Support;

/// <summary>A new schema in the database <c>VIGIL_TEST_POSTGRES</c> names, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private readonly string _server;

    public PostgresTestDatabase()
    {
        var server = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Fail("VIGIL_TEST_POSTGRES is not set: run ./test.sh (it installs and starts PostgreSQL), or "
                + "export VIGIL_TEST_POSTGRES=\"$(scripts/postgres-test-db.sh)\" before dotnet test.");
        }

        _server = server!;
    }

    /// <summary>The schema this test owns.</summary>
    public string Schema => _schema;

    /// <summary>The server's connection string (no schema).</summary>
    public string Server => _server;

    public override StoreOptions Options => new() { ConnectionString = $"{_server};Search Path={_schema}" };

    public override (StoreOptions Options, string Names, string NeverShown) Unopenable
        => (new StoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Password=hunter2-secret;Database=nowhere;Timeout=3" },
            "postgresql://127.0.0.1:1/nowhere",
            "hunter2-secret");

    public override async Task CreateAsync() => await ScalarOnServerAsync($"CREATE SCHEMA {_schema}");

    public override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{_server};Search Path={_schema};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public override async ValueTask DisposeAsync() => await ScalarOnServerAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");

    private async Task ScalarOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{_server};Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

using Npgsql;

namespace Vigil.Cli.Tests.Serve;

/// <summary>A fresh schema in the test PostgreSQL (<c>VIGIL_TEST_POSTGRES</c>, set by ./test.sh), dropped afterwards.</summary>
internal sealed class PostgresSchema : IDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private PostgresSchema(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static PostgresSchema Create()
    {
        var admin = Environment.GetEnvironmentVariable("VIGIL_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(admin), "VIGIL_TEST_POSTGRES is not set: run ./test.sh, which installs and starts PostgreSQL and sets it");
        var name = $"serve_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { SearchPath = name };
        return new PostgresSchema(admin!, name, builder.ConnectionString);
    }

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_name} CASCADE", connection);
        drop.ExecuteNonQuery();
    }
}

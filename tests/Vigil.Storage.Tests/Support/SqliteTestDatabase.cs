using Microsoft.Data.Sqlite;

namespace Vigil.Storage.Tests.Support;

/// <summary>SQLite in a new temporary folder (the store creates its data folder inside it).</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vigil-storage-tests", Guid.NewGuid().ToString("N"));

    public override StoreOptions Options => new() { DataDirectory = Path.Combine(_root, "data") };

    public string DatabasePath => Path.Combine(_root, "data", "vigil.db");

    public override (StoreOptions Options, string Names, string NeverShown) Unopenable
    {
        get
        {
            // A folder below a regular file can never be created, whoever runs the tests (root included).
            var file = Path.Combine(_root, "not-a-folder");
            File.WriteAllText(file, "x");
            var directory = Path.Combine(file, "data");
            return (new StoreOptions { DataDirectory = directory }, Path.Combine(directory, "vigil.db"), "\0");
        }
    }

    public override Task CreateAsync()
    {
        Directory.CreateDirectory(_root);
        return Task.CompletedTask;
    }

    public override async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public override ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class OpeningTests : Tests.OpeningTests
{
    [Fact]
    public async Task The_data_folder_is_private_and_the_database_runs_in_wal_mode()
    {
        var folder = Path.GetDirectoryName(((SqliteTestDatabase)Database).DatabasePath)!;

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }

        Assert.Equal("wal", await Database.ScalarAsync("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_naming_its_path()
    {
        var path = ((SqliteTestDatabase)Database).DatabasePath;
        await Store.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!))
        {
            File.Delete(file);
        }

        await File.WriteAllTextAsync(path, new string('x', 8192));

        var error = await Assert.ThrowsAsync<StoreException>(Database.OpenAsync);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
    }

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

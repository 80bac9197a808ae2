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

    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

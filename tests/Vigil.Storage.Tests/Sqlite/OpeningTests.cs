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
    public async Task Committed_events_reach_the_database_file_while_the_writer_goes_on()
    {
        // Below the writer's own fallback threshold (64 MiB of log), only the background checkpointer copies the log
        // into the database file.
        var path = ((SqliteTestDatabase)Database).DatabasePath;
        var raw = new string('r', 1000);
        var before = new FileInfo(path).Length;
        for (var batch = 0; batch < 6; batch++)
        {
            var events = Enumerable.Range(0, 1000).Select(i => Sample.Event(Sample.Epoch.AddSeconds(i), raw: raw, fields: [("n", "v")])).ToList();
            await Store.Events.AppendAsync(events, null, CancellationToken.None);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (new FileInfo(path).Length < before + (4 << 20) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.True(new FileInfo(path).Length >= before + (4 << 20), $"the database file holds {new FileInfo(path).Length} bytes");
        Assert.Equal(6000, await Store.Events.CountAsync(CancellationToken.None));
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

using Microsoft.Data.Sqlite;
using Vigil.Storage.Sql;
using Vigil.Storage.Tests.Support;

namespace Vigil.Storage.Tests.Sqlite;

public sealed class WalSyncTests : StoreTests
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();

    [Fact]
    public async Task Every_write_returns_only_after_the_log_was_synced_past_its_commit()
    {
        var database = (SqliteDatabase)((SqlVigilStore)Store).Database;

        var before = database.LogSyncs;
        await Store.Events.AppendAsync([Sample.Event(Sample.Epoch)], null, None);
        var afterAppend = database.LogSyncs;
        await Store.State.SetAsync("k", "v", None);

        Assert.True(afterAppend > before, "the event append returned before any sync");
        Assert.True(database.LogSyncs > afterAppend, "the state write returned before any sync");
    }

    [Fact]
    public async Task A_committed_append_is_readable_before_it_is_durable_and_durable_after()
    {
        var committed = await Store.Events.AppendCommittedAsync([Sample.Event(Sample.Epoch), Sample.Event(Sample.Epoch.AddSeconds(1))], null, None);
        var later = await Store.Events.AppendCommittedAsync([Sample.Event(Sample.Epoch.AddSeconds(2))], null, None);

        await committed.Durable;
        await later.Durable;
        Assert.Equal(2, committed.Result.Ids.Count);
        Assert.True(later.Result.Ids[0] > committed.Result.Ids[1]);
        Assert.Equal(3, await Store.Events.CountAsync(None));
    }

    [Fact]
    public async Task One_sync_covers_every_commit_made_before_it()
    {
        var path = await NewWalDatabaseAsync();
        using var sync = new WalSync(path);

        for (var i = 0; i < 4; i++)
        {
            sync.Committed();
        }

        await sync.WhenDurableAsync(sync.Committed());
        var earlier = sync.WhenDurableAsync(3);

        Assert.Equal(1, sync.Syncs);
        Assert.True(earlier.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Closing_syncs_what_was_committed_but_not_yet_waited_for()
    {
        var path = await NewWalDatabaseAsync();
        var sync = new WalSync(path);
        sync.Committed();

        sync.Dispose();

        Assert.Equal(1, sync.Syncs);
    }

    [Fact]
    public async Task A_log_that_cannot_be_synced_fails_that_commit_and_every_later_one_naming_the_log()
    {
        var path = Path.Combine(Path.GetDirectoryName(((SqliteTestDatabase)Database).DatabasePath)!, "gone.db");
        using var sync = new WalSync(path);

        var first = await Assert.ThrowsAsync<StoreException>(() => sync.WhenDurableAsync(sync.Committed()));
        var second = await Assert.ThrowsAsync<StoreException>(() => sync.WhenDurableAsync(sync.Committed()));

        Assert.Contains(path + "-wal", first.Message, StringComparison.Ordinal);
        Assert.Contains("not be durable", second.Message, StringComparison.Ordinal);
    }

    // A database of its own in WAL mode, with its log file present (a connection holds it open while the test runs).
    private async Task<string> NewWalDatabaseAsync()
    {
        var path = Path.Combine(Path.GetDirectoryName(((SqliteTestDatabase)Database).DatabasePath)!, $"{Guid.NewGuid():N}.db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);";
        await command.ExecuteNonQueryAsync();
        _open.Add(connection);
        return path;
    }

    private readonly List<SqliteConnection> _open = [];

    public override async Task DisposeAsync()
    {
        foreach (var connection in _open)
        {
            await connection.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>
/// SQLite in WAL mode. One long-lived connection writes, behind a semaphore (SQLite allows one writer; waiting in
/// process is cheaper than busy-retrying in the engine); reads use pooled connections of their own, which WAL lets run
/// while a write is in progress.
/// </summary>
/// <remarks>
/// Durability: readers' connections keep synchronous=FULL; the writer commits with synchronous=NORMAL (the WAL is
/// written, not synced, at commit) and every write scope waits, after releasing the gate, for <see cref="WalSync"/> to
/// sync the WAL past its commit. So a write is durable when its caller returns, as with FULL, but the sync no longer
/// holds the only write lock: the next transaction is written while the last one syncs, and one sync covers every
/// commit made meanwhile. The data folder is created with mode 0700: it holds patient data.
/// </remarks>
internal sealed class SqliteDatabase : Database
{
    // cache_size: 32 MiB of pages per connection (the default 2 MiB makes the two event indexes re-read pages under load).
    private const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -32768;";
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SqliteEventInserter _inserter;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly WalSync _sync;
    private int _disposed;

    private SqliteDatabase(string path, string connectionString, SqliteConnection writer)
    {
        Name = path;
        _connectionString = connectionString;
        _writer = writer;
        _inserter = new SqliteEventInserter(writer);
        _checkpointer = new SqliteCheckpointer(connectionString);
        _sync = new WalSync(path);
    }

    public override string Provider => "sqlite";

    /// <summary>How many times the writer's log was synced (for tests).</summary>
    internal long LogSyncs => _sync.Syncs;

    public override string Name { get; }

    public override IReadOnlyList<Migration> Migrations => SqliteSchema.Migrations;

    public static async Task<SqliteDatabase> OpenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(dataDirectory);
        var path = Path.Combine(directory, "vigil.db");
        SqliteConnection? writer = null;
        try
        {
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = true,
            }.ToString();
            writer = new SqliteConnection(connectionString);
            await writer.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var wal = writer.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL";
                var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new StoreException($"Cannot open the SQLite database {path}: it refused WAL mode (journal mode is {mode}); is it on a network file system?");
                }
            }

            await PragmasAsync(writer, cancellationToken).ConfigureAwait(false);
            using (var normal = writer.CreateCommand())
            {
                // The writer's commits are synced by WalSync, after the gate is released (see the class remarks).
                normal.CommandText = "PRAGMA synchronous = NORMAL";
                await normal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            using (var checkpoint = writer.CreateCommand())
            {
                // The checkpointer does this off the writer's thread; the writer's own is a safety net only.
                checkpoint.CommandText = $"PRAGMA wal_autocheckpoint = {SqliteCheckpointer.WriterFallbackPages}";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new SqliteDatabase(path, connectionString, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or ArgumentException or NotSupportedException)
        {
            writer?.Dispose();
            throw new StoreException($"Cannot open the SQLite database {path}: {e.Message}", e);
        }
    }

    public override async Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await PragmasAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
        => Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public override async Task<WriteScope> BeginWriteAsync(WriteLock writeLock, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // IMMEDIATE: take the write lock now, so a reader-turned-writer never fails half way with SQLITE_BUSY.
            var transaction = _writer.BeginTransaction(deferred: false);
            return new WriteScope(_writer, transaction, Release);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

    public override Task<EventIds> InsertEventsAsync(WriteScope scope, IReadOnlyList<EventRecord> events, EventBlockGrouping blocks, CancellationToken cancellationToken)
        => Task.FromResult(_inserter.Insert(events, blocks, cancellationToken));

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        _checkpointer.Dispose();
        _sync.Dispose();
        _inserter.Dispose();
        SqliteConnection.ClearPool(_writer);
        await _writer.DisposeAsync().ConfigureAwait(false);
        _writeGate.Dispose();
    }

    private static async Task PragmasAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<Task> Release(bool committed)
    {
        // Under the gate, after the commit (or rollback): the only thread that calls Written and Committed.
        _checkpointer.Written(_inserter.TakeBytesWritten());
        var commit = committed ? _sync.Committed() : _sync.LastCommit();
        _writeGate.Release();
        return ValueTask.FromResult(_sync.WhenDurableAsync(commit));
    }
}

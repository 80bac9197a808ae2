using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigil.Storage.Sql;

/// <summary>
/// Copies the write-ahead log into the database file on a connection and thread of its own, so that the event writer
/// does not wait for it.
/// </summary>
/// <remarks>
/// <para>
/// SQLite's own automatic checkpoint runs inside the commit that crosses its threshold (1,000 pages by default), on the
/// committing thread: under a syslog flood that was every batch, and the batch writer stood still while the pages were
/// copied and the database file was synced. Here the writer only signals (<see cref="Written"/>) and a dedicated thread
/// runs a PASSIVE checkpoint, which SQLite allows beside a writing transaction. The writer keeps a fallback
/// (<see cref="WriterFallbackPages"/>), so the log stays bounded even if this thread falls behind.
/// </para>
/// <para>
/// Durability is unchanged: a commit still syncs the log before it returns (synchronous=FULL); a checkpoint only
/// moves committed pages into the database file, and SQLite recovers an interrupted one from the log.
/// </para>
/// </remarks>
internal sealed class SqliteCheckpointer : IDisposable
{
    /// <summary>The writer connection's own automatic checkpoint threshold, in pages: a safety net only.</summary>
    public const int WriterFallbackPages = 16384;

    // About 1,000 pages of 4 KiB, SQLite's default threshold.
    private const long ThresholdBytes = 4L << 20;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _written;
    private int _signalled;

    public SqliteCheckpointer(string connectionString) => _connectionString = connectionString;

    /// <summary>Called by the writer (one thread) after a commit that wrote about <paramref name="bytes"/> bytes.</summary>
    public void Written(long bytes)
    {
        _written += bytes;
        if (_written < ThresholdBytes)
        {
            return;
        }

        _written = 0;
        if (_thread is null)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "SQLite checkpoint" };
            _thread.Start();
        }

        if (Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            _due.Release();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
        _due.Dispose();
    }

    private void Run()
    {
        using var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using (var busy = connection.CreateCommand())
            {
                busy.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL";
                busy.ExecuteNonQuery();
            }

            while (true)
            {
                _due.Wait(_stop.Token);
                Volatile.Write(ref _signalled, 0);

                // SQLITE_BUSY (the writer's fallback checkpoint is running) needs nothing: the next signal retries.
                _ = raw.sqlite3_wal_checkpoint_v2(connection.Handle, "main", raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SqliteException)
        {
            // Cannot open a second connection: the writer's fallback checkpoint keeps the log bounded.
        }
    }
}

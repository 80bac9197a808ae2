using Microsoft.Win32.SafeHandles;

namespace Vigil.Storage.Sql;

/// <summary>
/// Makes the SQLite writer's commits durable after the write gate is released (group commit): the writer connection
/// commits with <c>synchronous = NORMAL</c> (the write-ahead log is written, not synced), and this thread syncs the log
/// file for every commit that waits, many commits per sync.
/// </summary>
/// <remarks>
/// <para>
/// With <c>synchronous = FULL</c> every commit synced the log while holding the store's only write lock: under a
/// syslog flood the event writer stood still for the sync (4-14 ms per 15,000-event transaction, about a quarter of
/// its time), and so did every other writer queued behind it. Here the next transaction is written while the last one
/// syncs. Nothing is acknowledged earlier than before: every write scope on SQLite waits, after releasing the gate,
/// until a sync that began after its commit (or, for a scope that did not commit, after the last commit it could have
/// seen) has finished.
/// </para>
/// <para>
/// Why a sync of the log file by this process is enough: SQLite writes a commit's frames to the log before the commit
/// returns, so a sync of the file that begins afterwards puts them on disk; after power loss SQLite recovers every
/// commit whose frames reached the disk, in order. With NORMAL the frames a checkpoint copies are synced before it
/// copies them, and the log restarts only after such a checkpoint, so no unsynced commit is overwritten. The log file
/// keeps its inode while the writer connection is open (SQLite deletes it only when the last connection closes).
/// The handle is this class's own; closing it cannot release SQLite's POSIX locks, which lie on the database and
/// <c>-shm</c> files, never on the log.
/// </para>
/// <para>
/// A failed sync fails every waiting and later commit (the store must be restarted after the disk is checked): after a
/// failed fsync the kernel may have dropped the dirty pages, and a later sync that succeeds proves nothing.
/// </para>
/// </remarks>
internal sealed class WalSync : IDisposable
{
    private readonly string _walPath;
    private readonly Lock _lock = new();
    private readonly List<(long Commit, TaskCompletionSource Done)> _waiting = [];
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private SafeFileHandle? _wal;
    private long _committed;
    private long _synced;
    private long _syncs;
    private bool _signalled;
    private Exception? _failed;

    public WalSync(string databasePath) => _walPath = databasePath + "-wal";

    /// <summary>Syncs performed (for tests and figures).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Called under the write gate after a commit: the commit's number, to wait for.</summary>
    public long Committed()
    {
        lock (_lock)
        {
            return ++_committed;
        }
    }

    /// <summary>The number of the last commit, to wait for everything a write scope could have seen.</summary>
    public long LastCommit()
    {
        lock (_lock)
        {
            return _committed;
        }
    }

    /// <summary>Completes once commit <paramref name="commit"/> (and every earlier one) is on disk.</summary>
    public Task WhenDurableAsync(long commit)
    {
        lock (_lock)
        {
            if (_failed is not null)
            {
                return Task.FromException(Failure(_failed));
            }

            if (commit <= _synced)
            {
                return Task.CompletedTask;
            }

            // Continuations run on the thread pool: the sync thread goes straight back to syncing.
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((commit, done));
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL sync" };
                _thread.Start();
            }

            Signal();
            return done.Task;
        }
    }

    /// <summary>Syncs what is still waiting, then stops (the database's writers have finished).</summary>
    public void Dispose()
    {
        try
        {
            WhenDurableAsync(LastCommit()).GetAwaiter().GetResult();
        }
        catch (StoreException)
        {
            // Already failed: every waiter got the error.
        }

        _stop.Cancel();
        _thread?.Join();
        _wal?.Dispose();
        _stop.Dispose();
        _due.Dispose();
    }

    private void Signal()
    {
        if (!_signalled)
        {
            _signalled = true;
            _due.Release();
        }
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                _due.Wait(_stop.Token);
                long target;
                lock (_lock)
                {
                    _signalled = false;
                    target = _committed;
                }

                Exception? failed = null;
                if (target > Volatile.Read(ref _synced))
                {
                    try
                    {
                        // Opened here, after the first commit: the log file exists by then.
                        _wal ??= File.OpenHandle(_walPath, FileMode.Open, OperatingSystem.IsWindows() ? FileAccess.ReadWrite : FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                        RandomAccess.FlushToDisk(_wal);
                        Interlocked.Increment(ref _syncs);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or ObjectDisposedException)
                    {
                        // Whatever the reason, the waiting commits are not known to be on disk: they fail, the thread
                        // ends (an exception escaping it would end the process, and its waiters would wait for ever).
                        failed = e;
                    }
                }

                lock (_lock)
                {
                    if (failed is not null)
                    {
                        _failed = failed;
                    }
                    else if (target > _synced)
                    {
                        _synced = target;
                    }

                    for (var i = _waiting.Count - 1; i >= 0; i--)
                    {
                        var (commit, done) = _waiting[i];
                        if (_failed is not null)
                        {
                            done.TrySetException(Failure(_failed));
                        }
                        else if (commit <= _synced)
                        {
                            done.TrySetResult();
                        }
                        else
                        {
                            continue;
                        }

                        _waiting.RemoveAt(i);
                    }

                    if (_failed is not null)
                    {
                        return;
                    }

                    if (_waiting.Count > 0)
                    {
                        // Commits made during this sync: one more sync covers them all.
                        Signal();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private StoreException Failure(Exception e)
        => new($"Cannot sync the SQLite write-ahead log {_walPath} to disk ({e.Message}); commits since the last sync may not be durable. Check the disk and restart.", e);
}

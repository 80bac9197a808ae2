using System.Collections.Concurrent;
using Vigil.Diagnostics;

namespace Vigil.Ingestion.Listeners;

/// <summary>The thread-safe counters behind <see cref="ListenerStatistics"/>, plus problem reporting.</summary>
internal sealed class ListenerCounters(string listener, IProblemSink? problems)
{
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private long _received;
    private long _dropped;
    private long _pending;
    private int _connections;

    public void Received(int count = 1) => Interlocked.Add(ref _received, count);

    public void Dropped(int count = 1) => Interlocked.Add(ref _dropped, count);

    public void PendingChanged(long delta) => Interlocked.Add(ref _pending, delta);

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Counts a rejection and reports it by listener, peer and reason; never with the content.</summary>
    public void Rejected(string reason, string peer, string sentence)
    {
        _rejected.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        problems?.Report(new InputProblem(listener, peer, reason, sentence));
    }

    public ListenerStatistics Snapshot() => new(
        listener,
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _pending),
        Connections,
        new Dictionary<string, long>(_rejected, StringComparer.Ordinal));
}

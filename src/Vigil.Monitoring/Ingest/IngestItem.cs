using Vigil.Storage.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>Events that one sender handed over together, waiting for their commit.</summary>
/// <remarks>
/// An unacknowledged hand-over (a syslog message: the protocol has no acknowledgement) has no commit task, so the
/// writer neither builds its ids nor completes anything for it: at tens of thousands of messages a second, one task
/// and one id array per message were a measurable share of the garbage.
/// </remarks>
internal sealed class IngestItem(
    IReadOnlyList<EventRecord> events, string? idempotencyKey, string listener, bool acknowledged = true, int reserved = 0, List<byte[]>? blocks = null)
{
    private readonly TaskCompletionSource<AppendResult>? _committed = acknowledged ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;

    public IReadOnlyList<EventRecord> Events { get; } = events;

    public string? IdempotencyKey { get; } = idempotencyKey;

    public string Listener { get; } = listener;

    /// <summary>The room this hand-over took in the queue's event budget (see <see cref="IngestQueue"/>), or 0.</summary>
    public int Reserved { get; } = reserved;

    /// <summary>
    /// The pooled blocks (<see cref="PayloadBlockPool"/>) the events' raw records lie in and no other hand-over uses, or
    /// null: the writer returns them once the store's append has returned.
    /// </summary>
    public List<byte[]>? Blocks { get; } = blocks;

    /// <summary>Whether a sender waits for <see cref="Committed"/>.</summary>
    public bool Acknowledged => _committed is not null;

    public Task<AppendResult> Committed => _committed?.Task ?? throw new InvalidOperationException("An unacknowledged hand-over has no commit task.");

    public void Complete(AppendResult result) => _committed?.TrySetResult(result);

    public void Fail(Exception error) => _committed?.TrySetException(error);
}

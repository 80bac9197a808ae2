using Vigil.Storage.Events;

namespace Vigil.Monitoring.Ingest;

/// <summary>Events that one sender handed over together, waiting for their commit.</summary>
internal sealed class IngestItem(IReadOnlyList<EventRecord> events, string? idempotencyKey, string listener)
{
    private readonly TaskCompletionSource<AppendResult> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<EventRecord> Events { get; } = events;

    public string? IdempotencyKey { get; } = idempotencyKey;

    public string Listener { get; } = listener;

    public Task<AppendResult> Committed => _committed.Task;

    public void Complete(AppendResult result) => _committed.TrySetResult(result);

    public void Fail(Exception error) => _committed.TrySetException(error);
}

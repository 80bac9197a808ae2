using System.Collections.Concurrent;
using System.Text;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

/// <summary>A sink that keeps every message; closing its gate makes it block, like a full pipeline.</summary>
public sealed class CollectingSink : IMessageSink
{
    private readonly ConcurrentQueue<ReceivedMessage> _messages = new();
    private volatile TaskCompletionSource _gate = Open();

    public IReadOnlyList<ReceivedMessage> Messages => [.. _messages];

    public IReadOnlyList<string> Texts => [.. _messages.Select(m => Encoding.UTF8.GetString(m.Payload.Span))];

    public int Count => _messages.Count;

    /// <summary>The number of calls waiting at the closed gate (0 or 1 per connection).</summary>
    public int Waiting;

    /// <summary>When set, every call throws it.</summary>
    public Exception? Failure { get; set; }

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async ValueTask AcceptAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        Interlocked.Increment(ref Waiting);
        try
        {
            await _gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref Waiting);
        }

        _messages.Enqueue(message);
    }

    private static TaskCompletionSource Open()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

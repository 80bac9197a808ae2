using System.Collections.Concurrent;
using System.Text;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

/// <summary>A sink that takes messages a read at a time and copies their text during the call, as the contract asks.</summary>
public sealed class BatchSink : IMessageSink
{
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly ConcurrentQueue<int> _batches = new();

    public IReadOnlyList<string> Texts => [.. _texts];

    /// <summary>How many messages each call carried.</summary>
    public IReadOnlyList<int> Batches => [.. _batches];

    public ValueTask AcceptAsync(ReceivedMessage message, CancellationToken cancellationToken)
        => throw new InvalidOperationException("The TCP listener hands over whole reads.");

    public async ValueTask AcceptManyAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        // The call's size first: a test that has seen every text has then seen every call too.
        _batches.Enqueue(messages.Count);
        foreach (var message in messages)
        {
            _texts.Enqueue(Encoding.UTF8.GetString(message.Payload.Span));
        }

        await Task.Yield(); // the payloads must stay valid across an await inside the call
    }
}

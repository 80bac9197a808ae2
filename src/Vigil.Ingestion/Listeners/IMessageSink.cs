namespace Vigil.Ingestion.Listeners;

/// <summary>Where listeners deliver the raw messages they receive.</summary>
/// <remarks>
/// <para>
/// Backpressure: a listener awaits <see cref="AcceptAsync"/> before it reads on. A TCP connection stops reading its
/// socket while the sink is busy, so TCP flow control slows the sender; the file tailer stops reading the file.
/// The UDP listener cannot slow its senders: it queues into a bounded queue and drops (and counts) what does not fit.
/// </para>
/// <para>
/// Thread safety: each TCP connection and the UDP queue call the sink from their own task, so
/// <see cref="AcceptAsync"/> may be called concurrently and must be thread-safe. Calls from one connection or one
/// file are sequential and in arrival order.
/// </para>
/// <para>
/// Errors: returning normally means the sink took responsibility for the message (the file tailer then saves its
/// position past it). Throwing loses the message for network listeners (the TCP connection is closed, the message is
/// counted as dropped); the file tailer keeps its position and reads the line again on its next poll.
/// </para>
/// </remarks>
public interface IMessageSink
{
    /// <summary>Takes one message; completes when the sink has room for the next one.</summary>
    /// <param name="message">The message; its payload belongs to the sink from now on.</param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    ValueTask AcceptAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the messages of one read from a stream (the TCP listener hands over all the frames one read completed),
    /// in order; completes when the sink has room for more. Throwing loses them all, as for <see cref="AcceptAsync"/>.
    /// </summary>
    /// <param name="messages">
    /// The messages. Unlike <see cref="AcceptAsync"/>'s, their payloads lie in the listener's receive buffer and are
    /// valid only until the returned task completes: a sink that keeps one must copy it. (One hand-over per read and
    /// no copy per message: at tens of thousands of messages a second both showed.)
    /// </param>
    /// <param name="cancellationToken">Cancelled when the listener stops.</param>
    /// <remarks>The default passes each message, copied, to <see cref="AcceptAsync"/>.</remarks>
    async ValueTask AcceptManyAsync(IReadOnlyList<ReceivedMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await AcceptAsync(message with { Payload = message.Payload.ToArray() }, cancellationToken).ConfigureAwait(false);
        }
    }
}

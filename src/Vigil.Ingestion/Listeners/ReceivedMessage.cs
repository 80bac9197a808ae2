namespace Vigil.Ingestion.Listeners;

/// <summary>One raw message as a listener received it, before any parsing.</summary>
/// <param name="Payload">
/// The message bytes without framing (no octet count, no trailing LF, CR or NUL). Given to
/// <see cref="IMessageSink.AcceptAsync"/>, they are an array the listener never touches again, so the memory belongs to
/// the receiver and stays valid after the call; given to <see cref="IMessageSink.AcceptManyAsync"/>, they lie in the
/// listener's receive buffer and are valid only during the call.
/// </param>
/// <param name="Listener">The name of the listener that received it (<c>syslog-udp</c>, <c>syslog-tcp</c>, <c>file</c>).</param>
/// <param name="Peer">Who sent it: <c>address:port</c> for network listeners, the file path for the file tailer.</param>
/// <param name="ReceivedAt">When the listener received it, from the injected <see cref="TimeProvider"/>.</param>
/// <remarks>The payload is untrusted and may hold patient data: never log it; log the listener and peer only.</remarks>
public readonly record struct ReceivedMessage(
    ReadOnlyMemory<byte> Payload,
    string Listener,
    string Peer,
    DateTimeOffset ReceivedAt);

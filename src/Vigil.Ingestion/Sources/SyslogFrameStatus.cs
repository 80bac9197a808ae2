namespace Vigil.Ingestion.Sources;

/// <summary>What <see cref="SyslogFrameDecoder.Decode"/> found.</summary>
public enum SyslogFrameStatus
{
    /// <summary>No complete message in the buffer; read more and call again.</summary>
    NeedMoreData,

    /// <summary>A message was framed.</summary>
    Frame,

    /// <summary>
    /// A message longer than the limit was met; its bytes are skipped (now and in later calls) and decoding goes on.
    /// Reported once per message.
    /// </summary>
    Oversized,

    /// <summary>The stream ended inside an octet-counted message; its bytes are dropped.</summary>
    Truncated,

    /// <summary>
    /// Octet-counted framing is broken (a length that is not digits followed by a space): the stream cannot be
    /// resynchronised and the connection should be closed. Every later call returns this too.
    /// </summary>
    Invalid,
}

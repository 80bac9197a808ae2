namespace Vigil.Ingestion.Listeners;

/// <summary>What <see cref="SyslogFraming.Next"/> found at the start of the buffer.</summary>
internal enum FrameStatus
{
    /// <summary>No whole frame yet: read more and call again with the unconsumed bytes in front.</summary>
    NeedMoreData,

    /// <summary>A whole message, at <see cref="Frame.Start"/> for <see cref="Frame.Length"/> bytes.</summary>
    Message,

    /// <summary>Bad input skipped for <see cref="Frame.Reason"/>; the stream goes on.</summary>
    Rejected,

    /// <summary>Bytes consumed with nothing to deliver (the rest of an oversized frame).</summary>
    Skipped,
}

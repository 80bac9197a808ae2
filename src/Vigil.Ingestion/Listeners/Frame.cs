namespace Vigil.Ingestion.Listeners;

/// <summary>One step of <see cref="SyslogFraming"/>: what was found and how many bytes to drop from the buffer.</summary>
internal readonly record struct Frame(FrameStatus Status, int Consumed, int Start = 0, int Length = 0, string? Reason = null)
{
    public static Frame NeedMore(int consumed) => new(FrameStatus.NeedMoreData, consumed);
}

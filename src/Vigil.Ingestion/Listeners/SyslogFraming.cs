namespace Vigil.Ingestion.Listeners;

/// <summary>
/// Splits a syslog TCP stream into messages per RFC 6587: octet counting (<c>LEN SP MSG</c>) when a frame starts
/// with a digit 1-9 followed by digits and a space, otherwise non-transparent framing ended by LF (or NUL, which some
/// senders use), with a trailing CR removed. Detection is per frame, so a sender may mix both.
/// </summary>
/// <remarks>
/// Stateful (it remembers an oversized frame still being skipped); one instance per connection, not thread-safe.
/// Oversized frames are rejected once and their remaining bytes skipped, so the connection survives. Callers must
/// offer a buffer of at least <see cref="MinimumBufferSize"/> bytes so that any legal frame fits.
/// </remarks>
internal sealed class SyslogFraming(int maxMessageSize)
{
    // "2147483647 " is the longest header we accept; longer digit runs are taken as the start of an LF-framed message.
    private const int MaxHeaderDigits = 10;

    private long _skipOctets;
    private bool _skipToTerminator;

    /// <summary>The smallest buffer that holds any legal frame: header, message, CR and terminator.</summary>
    public int MinimumBufferSize => maxMessageSize + MaxHeaderDigits + 2;

    /// <summary>Looks for the next frame at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Unconsumed bytes of the stream.</param>
    /// <param name="endOfStream">True when the peer closed: an unterminated last LF-framed message is delivered.</param>
    public Frame Next(ReadOnlySpan<byte> data, bool endOfStream)
    {
        if (data.IsEmpty)
        {
            return Frame.NeedMore(0);
        }

        if (_skipOctets > 0)
        {
            var n = (int)Math.Min(_skipOctets, data.Length);
            _skipOctets -= n;
            return new Frame(FrameStatus.Skipped, n);
        }

        if (_skipToTerminator)
        {
            var end = data.IndexOfAny((byte)'\n', (byte)0);
            _skipToTerminator = end < 0;
            return end < 0 ? new Frame(FrameStatus.Skipped, data.Length) : new Frame(FrameStatus.Skipped, end + 1);
        }

        // Empty lines and NULs between frames are tolerated, not messages.
        var start = data.IndexOfAnyExcept((byte)'\n', (byte)'\r', (byte)0);
        if (start < 0)
        {
            return Frame.NeedMore(data.Length);
        }

        if (start > 0)
        {
            return new Frame(FrameStatus.Skipped, start);
        }

        return data[0] is >= (byte)'1' and <= (byte)'9' && OctetCounted(data, endOfStream) is { } frame
            ? frame
            : LineFramed(data, endOfStream);
    }

    // Null when the frame is not octet-counted after all (then it is LF-framed).
    private Frame? OctetCounted(ReadOnlySpan<byte> data, bool endOfStream)
    {
        var digits = data.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        if (digits < 0)
        {
            return data.Length <= MaxHeaderDigits && !endOfStream ? Frame.NeedMore(0) : null;
        }

        if (digits > MaxHeaderDigits || data[digits] != (byte)' ')
        {
            return null;
        }

        long length = 0;
        foreach (var b in data[..digits])
        {
            length = (length * 10) + (b - '0');
        }

        var header = digits + 1;
        if (length > maxMessageSize)
        {
            _skipOctets = length;
            return new Frame(FrameStatus.Rejected, header, Reason: RejectReasons.Oversized);
        }

        if (data.Length - header >= length)
        {
            return new Frame(FrameStatus.Message, header + (int)length, header, (int)length);
        }

        return endOfStream
            ? new Frame(FrameStatus.Rejected, data.Length, Reason: RejectReasons.Truncated)
            : Frame.NeedMore(0);
    }

    private Frame LineFramed(ReadOnlySpan<byte> data, bool endOfStream)
    {
        var end = data.IndexOfAny((byte)'\n', (byte)0);
        if (end < 0)
        {
            // Room for the message and a CR; anything longer without a terminator is oversized.
            if (data.Length > maxMessageSize + 1)
            {
                _skipToTerminator = true;
                return new Frame(FrameStatus.Rejected, data.Length, Reason: RejectReasons.Oversized);
            }

            return endOfStream ? Message(data, data.Length, data.Length) : Frame.NeedMore(0);
        }

        return Message(data, end, end + 1);
    }

    private Frame Message(ReadOnlySpan<byte> data, int end, int consumed)
    {
        var length = end > 0 && data[end - 1] == (byte)'\r' ? end - 1 : end;
        return length > maxMessageSize
            ? new Frame(FrameStatus.Rejected, consumed, Reason: RejectReasons.Oversized)
            : new Frame(FrameStatus.Message, consumed, 0, length);
    }
}

using System.Buffers;

namespace Vigil.Ingestion.Sources;

/// <summary>
/// Splits a syslog byte stream (one TCP or TLS connection) into messages, RFC 6587 octet counting or newline framing,
/// incrementally, with a bound on message size.
/// </summary>
/// <remarks>
/// <para>
/// The framing is decided once per connection by its first byte: a digit means octet counting (<c>LEN SP MSG</c>),
/// anything else newline framing (messages end at LF or NUL; a CR before the LF is dropped; empty messages are
/// skipped). CR, LF, NUL and spaces between octet-counted messages are tolerated.
/// </para>
/// <para>
/// Use with a <c>PipeReader</c>: <c>while ((status = decoder.Decode(ref buffer, result.IsCompleted, out var frame))
/// != SyslogFrameStatus.NeedMoreData) { ... }</c>, then <c>reader.AdvanceTo(buffer.Start, buffer.End)</c>. A frame
/// is a slice of the caller's buffer, valid until it advances the reader; parse it with
/// <see cref="SyslogParser.Parse(ReadOnlySpan{byte}, DateTimeOffset)"/>. Not thread-safe: one per connection.
/// </para>
/// </remarks>
public sealed class SyslogFrameDecoder
{
    /// <summary>The default bound on one message, in bytes.</summary>
    public const int DefaultMaxMessageBytes = 64 * 1024;

    private const int MaxLengthDigits = 9;

    private long _skip;
    private bool _skipLine;
    private bool _invalid;

    /// <summary>Creates a decoder for one connection.</summary>
    /// <param name="maxMessageBytes">The longest message accepted, in bytes; longer ones are skipped and reported.</param>
    public SyslogFrameDecoder(int maxMessageBytes = DefaultMaxMessageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        MaxMessageBytes = maxMessageBytes;
    }

    /// <summary>The longest message accepted, in bytes.</summary>
    public int MaxMessageBytes { get; }

    /// <summary>The framing of the connection, known once its first byte has been seen.</summary>
    public SyslogFraming Framing { get; private set; }

    /// <summary>Why the last non-<see cref="SyslogFrameStatus.Frame"/> status other than NeedMoreData was returned.</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Takes the next message off the front of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">The bytes received and not yet consumed; sliced past what this call consumed.</param>
    /// <param name="isCompleted">Whether the stream has ended (no more bytes will follow).</param>
    /// <param name="frame">The message (without framing) when the status is <see cref="SyslogFrameStatus.Frame"/>.</param>
    /// <returns>What was found; see <see cref="SyslogFrameStatus"/>.</returns>
    public SyslogFrameStatus Decode(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (_invalid)
        {
            return SyslogFrameStatus.Invalid;
        }

        if (Framing == SyslogFraming.Unknown)
        {
            if (buffer.IsEmpty)
            {
                return SyslogFrameStatus.NeedMoreData;
            }

            var first = buffer.FirstSpan[0];
            Framing = first is >= (byte)'0' and <= (byte)'9' ? SyslogFraming.OctetCounting : SyslogFraming.NonTransparent;
        }

        return Framing == SyslogFraming.OctetCounting
            ? DecodeCounted(ref buffer, isCompleted, out frame)
            : DecodeLine(ref buffer, isCompleted, out frame);
    }

    private SyslogFrameStatus DecodeCounted(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (_skip > 0 && !Skip(ref buffer))
        {
            return Ended(ref buffer, isCompleted);
        }

        var reader = new SequenceReader<byte>(buffer);
        reader.AdvancePastAny("\r\n\0 "u8);
        buffer = buffer.Slice(reader.Position);
        long length = 0;
        var digits = 0;
        while (reader.TryRead(out var b))
        {
            if (b == ' ' && digits > 0)
            {
                if (length > MaxMessageBytes)
                {
                    buffer = buffer.Slice(reader.Position);
                    _skip = length;
                    Skip(ref buffer);
                    Reason = $"a message of {length} bytes is over the limit of {MaxMessageBytes}; it was skipped";
                    return SyslogFrameStatus.Oversized;
                }

                if (reader.Remaining < length)
                {
                    return Ended(ref buffer, isCompleted);
                }

                frame = buffer.Slice(reader.Position, length);
                buffer = buffer.Slice(frame.End);
                return SyslogFrameStatus.Frame;
            }

            if (b is < (byte)'0' or > (byte)'9' || (digits == 0 && b == '0') || ++digits > MaxLengthDigits)
            {
                _invalid = true;
                Reason = "the octet-counted framing is broken: the message length is not 1 to 9 digits and a space";
                return SyslogFrameStatus.Invalid;
            }

            length = (length * 10) + (b - '0');
        }

        return Ended(ref buffer, isCompleted);
    }

    private SyslogFrameStatus Ended(ref ReadOnlySequence<byte> buffer, bool isCompleted)
    {
        if (!isCompleted || (buffer.IsEmpty && _skip == 0))
        {
            return SyslogFrameStatus.NeedMoreData;
        }

        buffer = buffer.Slice(buffer.End);
        Reason = "the stream ended inside a message; its bytes were dropped";
        _skip = 0;
        return SyslogFrameStatus.Truncated;
    }

    // Drops up to _skip bytes; true when all are gone.
    private bool Skip(ref ReadOnlySequence<byte> buffer)
    {
        var count = Math.Min(_skip, buffer.Length);
        buffer = buffer.Slice(count);
        _skip -= count;
        return _skip == 0;
    }

    private SyslogFrameStatus DecodeLine(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        while (true)
        {
            var end = buffer.PositionOfAny((byte)'\n', (byte)'\0');
            if (end is null)
            {
                if (_skipLine || buffer.Length > MaxMessageBytes)
                {
                    buffer = buffer.Slice(buffer.End);
                    if (!_skipLine)
                    {
                        _skipLine = true;
                        Reason = $"a message is over the limit of {MaxMessageBytes} bytes; it was skipped";
                        return SyslogFrameStatus.Oversized;
                    }

                    return SyslogFrameStatus.NeedMoreData;
                }

                if (!isCompleted || buffer.IsEmpty)
                {
                    return SyslogFrameStatus.NeedMoreData;
                }

                // The last message of a stream may lack its line break.
                frame = TrimCr(buffer);
                buffer = buffer.Slice(buffer.End);
                return frame.IsEmpty ? SyslogFrameStatus.NeedMoreData : SyslogFrameStatus.Frame;
            }

            var line = buffer.Slice(0, end.Value);
            buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
            if (_skipLine)
            {
                _skipLine = false;
                continue;
            }

            if (line.Length > MaxMessageBytes)
            {
                Reason = $"a message is over the limit of {MaxMessageBytes} bytes; it was skipped";
                return SyslogFrameStatus.Oversized;
            }

            frame = TrimCr(line);
            if (!frame.IsEmpty)
            {
                return SyslogFrameStatus.Frame;
            }
        }
    }

    private static ReadOnlySequence<byte> TrimCr(ReadOnlySequence<byte> line) =>
        line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == '\r' ? line.Slice(0, line.Length - 1) : line;
}

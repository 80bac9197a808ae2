using System.IO.Compression;
using System.IO.Hashing;

namespace Vigil.Ingestion.Gzip;

/// <summary>
/// Decompresses gzip data (one member or several concatenated) and checks each member's CRC-32 and length, so that
/// a truncated or damaged file is noticed instead of silently ending early.
/// </summary>
/// <remarks>
/// <para>
/// Why not <see cref="GZipStream"/>: on truncated data it returns end-of-stream as if the file were whole, unless the
/// process-wide <c>AppContext</c> switch <c>System.IO.Compression.UseStrictValidation</c> is set, and this module must
/// not depend on (or set) a switch that the host owns. So each member's deflate data is read with a
/// <see cref="DeflateStream"/> and its trailer (CRC-32 from <see cref="System.IO.Hashing.Crc32"/>, and length) is
/// checked here, whatever the switch says.
/// </para>
/// <para>
/// Throws <see cref="TruncatedInputException"/> when the input ends inside a member and
/// <see cref="InvalidDataException"/> when a member is corrupt.
/// </para>
/// </remarks>
internal sealed class GzipInput(Stream compressed) : Stream
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte FlagsReserved = 0xE0;

    private readonly CompressedWindow _window = new(compressed);
    private readonly Crc32 _crc = new();
    private DeflateStream? _member;
    private uint _size;
    private bool _started;
    private bool _finished;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_finished)
        {
            if (_member is null && !StartMember())
            {
                _finished = true;
                break;
            }

            int read;
            try
            {
                read = _member!.Read(buffer);
            }
            catch (InvalidDataException) when (_window.InflaterSawEnd)
            {
                // Raised instead of returning 0 when the host enables System.IO.Compression.UseStrictValidation.
                throw Truncated();
            }

            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _size += (uint)read;
                return read;
            }

            EndMember();
        }

        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _window.Dispose();
        }

        base.Dispose(disposing);
    }

    private static TruncatedInputException Truncated() => new("the gzip data ends early (the file is truncated)");

    // Reads a member header; false when there is no further member (end of input, or trailing bytes that are not gzip,
    // which gzip itself ignores too).
    private bool StartMember()
    {
        if (_started && (_window.IsAtEnd() || _window.PeekUInt16() != 0x8B1F))
        {
            return false;
        }

        _started = true;
        Span<byte> fixedPart = stackalloc byte[10];
        ReadHeaderBytes(fixedPart);
        if (fixedPart[0] != 0x1F || fixedPart[1] != 0x8B || fixedPart[2] != 8)
        {
            throw new InvalidDataException("not a gzip member with deflate compression");
        }

        var flags = fixedPart[3];
        if ((flags & FlagsReserved) != 0)
        {
            throw new InvalidDataException("a gzip header sets reserved flags");
        }

        if ((flags & FlagExtra) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            ReadHeaderBytes(length);
            for (var i = length[0] | (length[1] << 8); i > 0; i--)
            {
                HeaderByte(out _);
            }
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            HeaderByte(out _);
            HeaderByte(out _);
        }

        _window.BeginMember();
        _member = new DeflateStream(_window, CompressionMode.Decompress, leaveOpen: true);
        _crc.Reset();
        _size = 0;
        return true;
    }

    private void EndMember()
    {
        if (_window.InflaterSawEnd)
        {
            throw Truncated();
        }

        if (!_window.TryConsumeTrailer(_crc.GetCurrentHashAsUInt32(), _size, out var inputEnded))
        {
            if (inputEnded)
            {
                throw Truncated();
            }

            throw new InvalidDataException("a gzip member fails its CRC-32 or length check");
        }

        _member!.Dispose();
        _member = null;
    }

    private void SkipZeroTerminated()
    {
        byte value;
        do
        {
            HeaderByte(out value);
        }
        while (value != 0);
    }

    private void ReadHeaderBytes(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            HeaderByte(out destination[i]);
        }
    }

    private void HeaderByte(out byte value)
    {
        if (!_window.TryReadByte(out value))
        {
            throw Truncated();
        }
    }
}

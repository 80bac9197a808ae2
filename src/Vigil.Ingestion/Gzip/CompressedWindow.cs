using System.Buffers.Binary;

namespace Vigil.Ingestion.Gzip;

/// <summary>
/// Serves compressed bytes to a <see cref="System.IO.Compression.DeflateStream"/> and remembers the last chunk it
/// served, so that when a deflate stream ends the gzip trailer can be found right after it.
/// </summary>
/// <remarks>
/// A deflate stream asks for input only when it has used up what it was given, so its end always lies in the last
/// chunk served. That is what lets <see cref="GzipInput"/> check each member's trailer and find the next member
/// without access to the inflater's internals.
/// </remarks>
internal sealed class CompressedWindow(Stream source) : Stream
{
    // A chunk served to the inflater is kept until its trailer is found, so it must stay well below the window size.
    private const int MaxChunk = 16 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _pos;
    private int _end;
    private int _servedStart;
    private int _servedEnd;
    private bool _sourceEnded;

    /// <summary>Whether the last read by the inflater found the end of the input.</summary>
    public bool InflaterSawEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts serving a new member: forgets the previous end of input seen by an inflater.</summary>
    public void BeginMember() => InflaterSawEnd = false;

    public override int Read(Span<byte> buffer)
    {
        // The inflater has used up the previous chunk, so the end of its data cannot lie there.
        _servedStart = _servedEnd = _pos;
        if (_pos == _end && !Ensure(1))
        {
            InflaterSawEnd = true;
            return 0;
        }

        var count = Math.Min(Math.Min(buffer.Length, _end - _pos), MaxChunk);
        _buffer.AsSpan(_pos, count).CopyTo(buffer);
        _servedStart = _pos;
        _pos += count;
        _servedEnd = _pos;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads one byte outside the inflater (gzip header fields).</summary>
    public bool TryReadByte(out byte value)
    {
        if (_pos == _end && !Ensure(1))
        {
            value = 0;
            return false;
        }

        value = _buffer[_pos++];
        return true;
    }

    /// <summary>Whether no byte is left at all.</summary>
    public bool IsAtEnd() => _pos == _end && !Ensure(1);

    /// <summary>The next two bytes, without consuming them, or -1 when fewer are left.</summary>
    public int PeekUInt16()
    {
        if (!Ensure(2))
        {
            return -1;
        }

        return _buffer[_pos] | (_buffer[_pos + 1] << 8);
    }

    /// <summary>
    /// Finds the 8-byte trailer (CRC-32, length mod 2^32, little-endian) of the member whose deflate data ended in the
    /// last chunk served, and moves past it. False when it is not there.
    /// </summary>
    public bool TryConsumeTrailer(uint crc, uint size, out bool inputEnded)
    {
        // The trailer starts somewhere in [_servedStart, _servedEnd]: keep that range and read 8 bytes past it.
        Ensure(_servedEnd - _pos + 8);
        for (var q = _servedStart; q <= _servedEnd && q + 8 <= _end; q++)
        {
            var span = _buffer.AsSpan(q, 8);
            if (BinaryPrimitives.ReadUInt32LittleEndian(span) == crc
                && BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) == size)
            {
                _pos = q + 8;
                _servedStart = _servedEnd = _pos;
                inputEnded = false;
                return true;
            }
        }

        inputEnded = _sourceEnded && _end - _servedEnd < 8;
        return false;
    }

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
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    // Makes at least `count` bytes available from _pos, keeping the last served chunk; false if the input ends first.
    private bool Ensure(int count)
    {
        while (_end - _pos < count)
        {
            if (_sourceEnded)
            {
                return false;
            }

            var keep = Math.Min(_servedStart, _pos);
            if (keep > 0)
            {
                _buffer.AsSpan(keep, _end - keep).CopyTo(_buffer);
                _pos -= keep;
                _end -= keep;
                _servedStart -= keep;
                _servedEnd -= keep;
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidOperationException("The compressed window is full.");
            }

            var read = source.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _sourceEnded = true;
                return false;
            }

            _end += read;
        }

        return true;
    }
}

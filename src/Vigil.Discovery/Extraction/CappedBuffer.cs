using System.Buffers;

namespace Vigil.Discovery.Extraction;

/// <summary>A write-only stream that keeps at most a fixed number of bytes and notes whether more were offered.</summary>
internal sealed class CappedBuffer(long capacity, int expectedBytes = 0) : Stream
{
    // Sized from the expected length when known (a part's encoded size), so small bodies are not copied while growing.
    private readonly MemoryStream _buffer = new((int)Math.Clamp(Math.Min(expectedBytes, capacity), 0, 1 << 20));

    /// <summary>Whether bytes beyond the capacity were written (and dropped).</summary>
    public bool Overflowed { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes kept, without copying.</summary>
    public ReadOnlySpan<byte> Span => _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);

    /// <summary>The bytes kept as a read-only stream over the same memory.</summary>
    public MemoryStream OpenRead() => new(_buffer.GetBuffer(), 0, (int)_buffer.Length, writable: false);

    /// <summary>Copies from <paramref name="source"/> until it ends or the capacity is exceeded (the rest is not read).</summary>
    public void CopyFrom(Stream source, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(16384);
        try
        {
            int read;
            while (!Overflowed && (read = source.Read(chunk, 0, chunk.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Write(chunk.AsSpan(0, read));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = capacity - _buffer.Length;
        if (buffer.Length > room)
        {
            Overflowed = true;
            buffer = buffer[..(int)Math.Max(0, room)];
        }

        _buffer.Write(buffer);
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}

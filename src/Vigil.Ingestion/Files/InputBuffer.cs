using Vigil.Ingestion.Gzip;

namespace Vigil.Ingestion.Files;

/// <summary>
/// A window of bytes over a stream that readers consume from the front and refill at the back; it grows up to a
/// bound so memory stays bounded whatever the input holds.
/// </summary>
/// <remarks>
/// Read failures (I/O errors, truncated or corrupt compressed data) do not throw: the window simply ends and
/// <see cref="FailureKind"/> says why, so each reader can report the failure with its own location.
/// </remarks>
internal sealed class InputBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxSize;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _ended;

    public InputBuffer(Stream stream, int maxSize)
    {
        _stream = stream;
        _maxSize = maxSize;
        _buffer = new byte[Math.Min(InitialSize, maxSize)];
    }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>How many bytes <see cref="Data"/> holds.</summary>
    public int Length => _end - _start;

    /// <summary>Whether the stream has ended (cleanly or not); <see cref="Data"/> is all that is left.</summary>
    public bool Ended => _ended;

    /// <summary>The problem kind when the stream ended by a failure, else null.</summary>
    public string? FailureKind { get; private set; }

    /// <summary>Why the stream ended early, when <see cref="FailureKind"/> is set.</summary>
    public string FailureReason { get; private set; } = "";

    /// <summary>Whether the window is as large as it may grow and full.</summary>
    public bool IsFull => Length >= _maxSize;

    /// <summary>Drops <paramref name="count"/> bytes from the front.</summary>
    public void Advance(int count) => _start += count;

    /// <summary>Reads more bytes after <see cref="Data"/>; false when none came (end of input or a failure).</summary>
    /// <remarks>Callers check <see cref="IsFull"/> first: a full window cannot take more.</remarks>
    public bool Fill()
    {
        if (_ended)
        {
            return false;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxSize)
            {
                throw new InvalidOperationException("The input window is full; check IsFull before Fill.");
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxSize));
        }

        int read;
        try
        {
            read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (TruncatedInputException e)
        {
            return Fail(ProblemKinds.Truncated, e.Message);
        }
        catch (InvalidDataException e)
        {
            return Fail(ProblemKinds.Corrupt, "the compressed data is corrupt: " + e.Message);
        }
        catch (IOException e)
        {
            return Fail(ProblemKinds.Unreadable, "reading failed: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(ProblemKinds.Unreadable, "reading failed: " + e.Message);
        }

        if (read == 0)
        {
            _ended = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>Fills until <see cref="Data"/> holds at least <paramref name="count"/> bytes or the input ends.</summary>
    public void FillTo(int count)
    {
        while (Length < count && !IsFull && Fill())
        {
        }
    }

    public void Dispose() => _stream.Dispose();

    private bool Fail(string kind, string reason)
    {
        _ended = true;
        FailureKind = kind;
        FailureReason = reason;
        return false;
    }
}

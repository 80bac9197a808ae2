using System.Globalization;
using System.Security.Cryptography;

namespace Vigil.Storage.Protection;

/// <summary>
/// A read-only, seekable view of an <see cref="Envelope"/>-encrypted file that decrypts one 64 KiB chunk at a time in
/// memory, so a reader that needs to seek (MIME parser, PDF, ZIP, DOCX) works on the plaintext without a decrypted copy
/// on disk. Every chunk read is authenticated (content context, index, final flag); the last chunk is checked on open,
/// so a truncated file is refused before anything is read.
/// </summary>
internal sealed class EnvelopeReadStream : Stream
{
    private const int RecordSize = Envelope.NonceSize + Envelope.ChunkSize + Envelope.TagSize;
    private readonly FileStream _file;
    private readonly AesGcm _aes;
    private readonly string _context;
    private readonly long _chunks;
    private readonly byte[] _record = new byte[RecordSize];
    private readonly byte[] _plain = new byte[Envelope.ChunkSize];
    private long _cached = -1;
    private int _cachedLength;
    private long _position;

    public EnvelopeReadStream(FileStream file, byte[] dataKey, string context)
    {
        _file = file;
        _context = context;
        _aes = new AesGcm(dataKey, Envelope.TagSize);
        try
        {
            Span<byte> header = stackalloc byte[Envelope.HeaderSize];
            file.Position = 0;
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length || !Envelope.IsHeader(header))
            {
                throw new ProtectionException("The encrypted content does not start with the envelope header.");
            }

            var body = file.Length - Envelope.HeaderSize;
            _chunks = Math.Max(1, (body + RecordSize - 1) / RecordSize);
            var last = body - ((_chunks - 1) * RecordSize);
            if (last < Envelope.NonceSize + Envelope.TagSize)
            {
                throw new ProtectionException($"Encrypted chunk {(_chunks - 1).ToString(CultureInfo.InvariantCulture)} is truncated.");
            }

            Length = ((_chunks - 1) * Envelope.ChunkSize) + last - Envelope.NonceSize - Envelope.TagSize;
            Load(_chunks - 1);
        }
        catch
        {
            _aes.Dispose();
            file.Dispose();
            throw;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length { get; }

    /// <summary>The first authentication failure met by a read, kept for callers whose reader swallows exceptions.</summary>
    public ProtectionException? Failure { get; private set; }

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var index = _position / Envelope.ChunkSize;
        Load(index);
        var within = (int)(_position - (index * Envelope.ChunkSize));
        var count = Math.Min(buffer.Length, _cachedLength - within);
        _plain.AsSpan(within, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => Length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(_plain);
            _aes.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Load(long index)
    {
        if (index == _cached)
        {
            return;
        }

        _cached = -1;
        _file.Position = Envelope.HeaderSize + (index * RecordSize);
        var length = _file.ReadAtLeast(_record, RecordSize, throwOnEndOfStream: false);
        var textLength = length - Envelope.NonceSize - Envelope.TagSize;
        var final = index == _chunks - 1;
        if (textLength < 0 || (!final && textLength != Envelope.ChunkSize))
        {
            throw Failure ??= new ProtectionException($"Encrypted chunk {index.ToString(CultureInfo.InvariantCulture)} is truncated.");
        }

        try
        {
            _aes.Decrypt(
                _record.AsSpan(0, Envelope.NonceSize),
                _record.AsSpan(Envelope.NonceSize, textLength),
                _record.AsSpan(Envelope.NonceSize + textLength, Envelope.TagSize),
                _plain.AsSpan(0, textLength),
                Envelope.Associated(_context, index, final));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw Failure ??= new ProtectionException($"Encrypted chunk {index.ToString(CultureInfo.InvariantCulture)} fails authentication: the content was altered, truncated or reordered.", e);
        }

        _cached = index;
        _cachedLength = textLength;
    }
}

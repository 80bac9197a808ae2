using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Protection;

/// <summary>
/// Envelope encryption: content is encrypted with AES-256-GCM under its own random data key, and the data key is
/// wrapped (AES-256-GCM) by the master key. Content is cut into 64 KiB chunks, each with its own random nonce and
/// with the content's context, the chunk index and a final-chunk flag in the associated data, so a reordered,
/// dropped, truncated or transplanted chunk fails authentication.
/// </summary>
/// <remarks>Format: <c>VGE1</c>, then per chunk: nonce (12) | ciphertext (up to 65,536) | tag (16).</remarks>
internal static class Envelope
{
    public const int ChunkSize = 64 * 1024;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int HeaderSize = 4;
    private static readonly byte[] Magic = "VGE1"u8.ToArray();
    private static readonly byte[] WrapContext = "vigil-data-key-v1"u8.ToArray();

    public static bool IsHeader(ReadOnlySpan<byte> header) => header.SequenceEqual(Magic);

    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>nonce | wrapped key | tag.</summary>
    public static byte[] Wrap(byte[] masterKey, byte[] dataKey)
    {
        var wrapped = new byte[NonceSize + dataKey.Length + TagSize];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(masterKey, TagSize);
        aes.Encrypt(nonce, dataKey, wrapped.AsSpan(NonceSize, dataKey.Length), wrapped.AsSpan(NonceSize + dataKey.Length), WrapContext);
        return wrapped;
    }

    public static byte[] Unwrap(byte[] masterKey, byte[] wrapped)
    {
        if (wrapped.Length != NonceSize + 32 + TagSize)
        {
            throw new ProtectionException("A wrapped data key has the wrong length.");
        }

        var key = new byte[32];
        try
        {
            using var aes = new AesGcm(masterKey, TagSize);
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, 32), wrapped.AsSpan(NonceSize + 32), key, WrapContext);
            return key;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new ProtectionException("A data key does not unwrap with this master key: the key is wrong or the wrapped key was altered.", e);
        }
    }

    /// <summary>Encrypts <paramref name="input"/> into <paramref name="output"/>; returns the plaintext's SHA-256 and length.</summary>
    public static async Task<(byte[] Sha256, long Length)> EncryptAsync(byte[] dataKey, string context, Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(dataKey, TagSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await output.WriteAsync(Magic, cancellationToken).ConfigureAwait(false);
        var current = new byte[ChunkSize];
        var next = new byte[ChunkSize];
        var currentLength = await FillAsync(input, current, cancellationToken).ConfigureAwait(false);
        var record = new byte[NonceSize + ChunkSize + TagSize];
        long index = 0;
        long total = 0;
        while (true)
        {
            var nextLength = currentLength == ChunkSize ? await FillAsync(input, next, cancellationToken).ConfigureAwait(false) : 0;
            var final = nextLength == 0;
            hash.AppendData(current, 0, currentLength);
            total += currentLength;
            var nonce = record.AsSpan(0, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            aes.Encrypt(nonce, current.AsSpan(0, currentLength), record.AsSpan(NonceSize, currentLength), record.AsSpan(NonceSize + currentLength, TagSize), Associated(context, index, final));
            await output.WriteAsync(record.AsMemory(0, NonceSize + currentLength + TagSize), cancellationToken).ConfigureAwait(false);
            if (final)
            {
                break;
            }

            (current, next) = (next, current);
            currentLength = nextLength;
            index++;
        }

        return (hash.GetHashAndReset(), total);
    }

    /// <summary>Decrypts into <paramref name="output"/>; returns the plaintext's SHA-256 and length.</summary>
    /// <exception cref="ProtectionException">The content was altered, truncated, reordered or belongs elsewhere.</exception>
    public static async Task<(byte[] Sha256, long Length)> DecryptAsync(byte[] dataKey, string context, Stream input, Stream output, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(dataKey, TagSize);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var magic = new byte[Magic.Length];
        if (await FillAsync(input, magic, cancellationToken).ConfigureAwait(false) != Magic.Length || !magic.AsSpan().SequenceEqual(Magic))
        {
            throw new ProtectionException("The encrypted content does not start with the envelope header.");
        }

        var record = new byte[NonceSize + ChunkSize + TagSize];
        var following = new byte[record.Length];
        var plain = new byte[ChunkSize];
        var length = await FillAsync(input, record, cancellationToken).ConfigureAwait(false);
        long index = 0;
        long total = 0;
        while (true)
        {
            if (length < NonceSize + TagSize)
            {
                throw new ProtectionException($"Encrypted chunk {index} is truncated.");
            }

            var followingLength = length == record.Length ? await FillAsync(input, following, cancellationToken).ConfigureAwait(false) : 0;
            var final = followingLength == 0;
            var textLength = length - NonceSize - TagSize;
            try
            {
                aes.Decrypt(record.AsSpan(0, NonceSize), record.AsSpan(NonceSize, textLength), record.AsSpan(NonceSize + textLength, TagSize), plain.AsSpan(0, textLength), Associated(context, index, final));
            }
            catch (AuthenticationTagMismatchException e)
            {
                throw new ProtectionException($"Encrypted chunk {index} fails authentication: the content was altered, truncated or reordered.", e);
            }

            hash.AppendData(plain, 0, textLength);
            total += textLength;
            await output.WriteAsync(plain.AsMemory(0, textLength), cancellationToken).ConfigureAwait(false);
            if (final)
            {
                return (hash.GetHashAndReset(), total);
            }

            (record, following) = (following, record);
            length = followingLength;
            index++;
        }
    }

    public static async Task<byte[]> SealAsync(byte[] dataKey, string context, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(plaintext.ToArray(), writable: false);
        using var output = new MemoryStream();
        await EncryptAsync(dataKey, context, input, output, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    public static async Task<byte[]> OpenAsync(byte[] dataKey, string context, byte[] sealedContent, CancellationToken cancellationToken)
    {
        using var input = new MemoryStream(sealedContent, writable: false);
        using var output = new MemoryStream();
        await DecryptAsync(dataKey, context, input, output, cancellationToken).ConfigureAwait(false);
        return output.ToArray();
    }

    public static byte[] Associated(string context, long index, bool final)
    {
        var contextBytes = Encoding.UTF8.GetBytes(context);
        var data = new byte[contextBytes.Length + 9];
        contextBytes.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(contextBytes.Length), index);
        data[^1] = final ? (byte)1 : (byte)0;
        return data;
    }

    private static async Task<int> FillAsync(Stream input, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await input.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}

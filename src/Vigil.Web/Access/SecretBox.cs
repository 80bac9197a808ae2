using System.Security.Cryptography;
using System.Text;

namespace Vigil.Web.Access;

/// <summary>
/// Encrypts TOTP secrets for the database with AES-256-GCM under a key kept in the data folder (<c>access.key</c>,
/// mode 0600), never in the database: a copy of the database alone does not give the second factors away.
/// </summary>
/// <remarks>Layout: version byte 1, 12-byte nonce, 16-byte tag, ciphertext. The user id is bound as associated data.</remarks>
internal sealed class SecretBox
{
    public const string KeyFileName = "access.key";
    private const byte Version = 1;
    private readonly byte[] _key;

    public SecretBox(byte[] key) => _key = key;

    /// <summary>Loads the key from <paramref name="dataDirectory"/>, creating it (0600) on first use.</summary>
    public static SecretBox Open(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), KeyFileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var file = new FileStream(path, options);
                file.Write(RandomNumberGenerator.GetBytes(32));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        return key.Length == 32 ? new SecretBox(key) : throw new InvalidDataException($"{path} is not a 32-byte key");
    }

    public byte[] Seal(byte[] secret, long userId)
    {
        var sealedBytes = new byte[1 + 12 + 16 + secret.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, secret, sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), Associated(userId));
        return sealedBytes;
    }

    /// <summary>The secret, or null when the bytes were not sealed for this user with this key.</summary>
    public byte[]? Open(byte[] sealedBytes, long userId)
    {
        if (sealedBytes is not { Length: > 29 } || sealedBytes[0] != Version)
        {
            return null;
        }

        var secret = new byte[sealedBytes.Length - 29];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(sealedBytes.AsSpan(1, 12), sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), secret, Associated(userId));
            return secret;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Associated(long userId) => Encoding.UTF8.GetBytes($"vigil-totp:{userId}");
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Tokens;

/// <summary>The text form of an API token, <c>vgl_{id}_{secret}</c>, and its stored hash.</summary>
internal static class TokenFormat
{
    public const string Prefix = "vgl_";
    public const int IdLength = 8;

    // Lower-case base32: no characters that look alike or need escaping; 8 of them make 40 bits, enough to be unique.
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string NewId() => RandomNumberGenerator.GetString(IdAlphabet, IdLength);

    /// <summary>The whole token: the id, then 32 random bytes as base64url (256 bits of secret).</summary>
    public static string NewToken(string id) => $"{Prefix}{id}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The id part of a well-formed token, or null (the secret itself may contain <c>_</c>).</summary>
    public static string? IdOf(string token)
    {
        if (token.Length < Prefix.Length + IdLength + 2
            || !token.StartsWith(Prefix, StringComparison.Ordinal)
            || token[Prefix.Length + IdLength] != '_')
        {
            return null;
        }

        return token.Substring(Prefix.Length, IdLength);
    }
}

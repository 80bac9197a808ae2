using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Storage.Audit;

/// <summary>The audit chain's hash: SHA-256 over the entry's canonical form and the previous entry's hash.</summary>
/// <remarks>
/// Canonical form (UTF-8): <c>vigil-audit-v1</c>, then the id, the time in microseconds since 1970 UTC, actor, action,
/// target, ip and detail, each as <c>\n{length}:{text}</c> (a null as <c>\n-</c>), then <c>\n</c> and the previous
/// hash's 32 bytes. Length prefixes make the form unambiguous whatever the fields hold.
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[32];

    /// <summary>The hash of an entry with these fields.</summary>
    public static byte[] Hash(long id, long timeMicros, string actor, string action, string? target, string? ip, string? detail, ReadOnlySpan<byte> previousHash)
    {
        var text = new StringBuilder("vigil-audit-v1");
        Append(text, id.ToString(CultureInfo.InvariantCulture));
        Append(text, timeMicros.ToString(CultureInfo.InvariantCulture));
        Append(text, actor);
        Append(text, action);
        Append(text, target);
        Append(text, ip);
        Append(text, detail);
        text.Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(bytes);
        sha.AppendData(previousHash);
        return sha.GetHashAndReset();
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("\n-");
            return;
        }

        text.Append('\n').Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Monitoring.Delivery;

/// <summary>Signs webhook bodies and verifies them; receivers can call <see cref="Verify"/> directly.</summary>
/// <remarks>
/// The signature is <c>sha256=</c> and the lowercase hex HMAC-SHA256, keyed with the UTF-8 secret, of
/// <c>{timestamp}.{body}</c> where timestamp is the <see cref="TimestampHeader"/> value (unix seconds) and body is
/// the raw request body bytes. Binding the timestamp stops an old request being replayed after the tolerance window;
/// within it, receivers de-duplicate by alert id (delivery is at least once anyway). Thread-safe.
/// </remarks>
public static class WebhookSignature
{
    /// <summary>The header holding the signing time in unix seconds.</summary>
    public const string TimestampHeader = "X-Vigil-Timestamp";

    /// <summary>The header holding <c>sha256=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Vigil-Signature";

    private const string Prefix = "sha256=";

    /// <summary>The tolerance receivers should use unless they have a reason not to: five minutes.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The <see cref="SignatureHeader"/> value for <paramref name="body"/> signed at <paramref name="unixSeconds"/>.</summary>
    public static string Compute(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Prefix + Convert.ToHexStringLower(Mac(secret, unixSeconds.ToString(CultureInfo.InvariantCulture), body));
    }

    /// <summary>Checks a received request's headers against its raw body, in constant time.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="timestamp">The <see cref="TimestampHeader"/> value, or null if absent.</param>
    /// <param name="signature">The <see cref="SignatureHeader"/> value, or null if absent.</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    /// <param name="now">The receiver's clock.</param>
    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/>, either way.</param>
    public static WebhookVerification Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (timestamp is null || signature is null)
        {
            return WebhookVerification.MissingHeader;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookVerification.MalformedTimestamp;
        }

        if (Math.Abs((double)now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return WebhookVerification.OutsideTolerance;
        }

        if (!signature.StartsWith(Prefix, StringComparison.Ordinal) || signature.Length != Prefix.Length + 64)
        {
            return WebhookVerification.MalformedSignature;
        }

        Span<byte> given = stackalloc byte[32];
        if (Convert.FromHexString(signature.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 32)
        {
            return WebhookVerification.MalformedSignature;
        }

        // Sign the timestamp text as received, so "0017" and "17" cannot be swapped for each other.
        var expected = Mac(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? WebhookVerification.Valid
            : WebhookVerification.Mismatch;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}

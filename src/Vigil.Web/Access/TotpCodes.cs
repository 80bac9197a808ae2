using OtpNet;

namespace Vigil.Web.Access;

/// <summary>RFC 6238 codes (SHA-1, 6 digits, 30 s) as authenticator apps expect; one step of clock drift either way.</summary>
internal static class TotpCodes
{
    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    public static string Uri(byte[] secret, string account)
        => $"otpauth://totp/Vigil:{System.Uri.EscapeDataString(account)}?secret={Base32(secret)}&issuer=Vigil&algorithm=SHA1&digits=6&period=30";

    /// <summary>The time step <paramref name="code"/> matches at <paramref name="now"/>, or null.</summary>
    public static long? Match(byte[] secret, string? code, DateTimeOffset now)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret);
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>The code for <paramref name="now"/> (tests and the CLI's checks).</summary>
    public static string Compute(byte[] secret, DateTimeOffset now) => new Totp(secret).ComputeTotp(now.UtcDateTime);
}

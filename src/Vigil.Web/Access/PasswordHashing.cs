using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Vigil.Web.Access;

/// <summary>Argon2id password hashes in the PHC string format: <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>.</summary>
/// <remarks>
/// Parameters follow OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane), a 16-byte random salt and a 32-byte
/// hash. Verification compares in constant time and reports a hash made with other parameters so it can be replaced.
/// </remarks>
public static class PasswordHashing
{
    /// <summary>Memory in KiB.</summary>
    public const int MemoryKib = 19 * 1024;

    /// <summary>Passes.</summary>
    public const int Iterations = 2;

    /// <summary>Lanes.</summary>
    public const int Parallelism = 1;

    /// <summary>The shortest password accepted.</summary>
    public const int MinLength = 12;

    /// <summary>The longest password accepted (hashing cost grows with it).</summary>
    public const int MaxLength = 1024;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Hashed when the account does not exist, so that an unknown name costs as long as a wrong password.
    private static readonly Lazy<string> Dummy = new(() => Hash("not-a-real-password-" + Guid.NewGuid()));

    /// <summary>Why <paramref name="password"/> cannot be used, or null when it can.</summary>
    public static string? Weakness(string? password) => password switch
    {
        null or { Length: < MinLength } => $"a password has at least {MinLength} characters",
        { Length: > MaxLength } => $"a password has at most {MaxLength} characters",
        _ when password.Trim().Length == 0 => "a password is not only spaces",
        _ => null,
    };

    /// <summary>Hashes a password with a new random salt and the current parameters.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, MemoryKib, Iterations, Parallelism, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$argon2id$v=19$m={MemoryKib},t={Iterations},p={Parallelism}${Base64(salt)}${Base64(hash)}");
    }

    /// <summary>Checks <paramref name="password"/> against a stored PHC string; a malformed string never matches.</summary>
    public static PasswordCheck Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(stored, out var m, out var t, out var p, out var salt, out var expected))
        {
            return new PasswordCheck(false, false);
        }

        var actual = Compute(password, salt, m, t, p, expected.Length);
        var valid = CryptographicOperations.FixedTimeEquals(actual, expected);
        return new PasswordCheck(valid, valid && (m != MemoryKib || t != Iterations || p != Parallelism || expected.Length != HashBytes));
    }

    /// <summary>Spends the time a real verification would (for unknown accounts); always false.</summary>
    public static bool VerifyNothing(string password)
    {
        _ = Verify(password ?? "", Dummy.Value);
        return false;
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static bool TryParse(string? stored, out int m, out int t, out int p, out byte[] salt, out byte[] hash)
    {
        (m, t, p, salt, hash) = (0, 0, 0, [], []);
        var parts = (stored ?? "").Split('$');
        if (parts is not ["", "argon2id", "v=19", var parameters, var saltText, var hashText])
        {
            return false;
        }

        foreach (var pair in parameters.Split(','))
        {
            var (key, value) = pair.Split('=') is [var k, var v] && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (k, n) : ("", 0);
            _ = key switch { "m" => m = value, "t" => t = value, "p" => p = value, _ => 0 };
        }

        try
        {
            salt = Base64Url.DecodeFromChars(saltText.Replace('+', '-').Replace('/', '_'));
            hash = Base64Url.DecodeFromChars(hashText.Replace('+', '-').Replace('/', '_'));
        }
        catch (FormatException)
        {
            return false;
        }

        // Bounds keep a tampered hash from making verification allocate gigabytes or spin for minutes.
        return m is >= 8 and <= 1024 * 1024 && t is >= 1 and <= 100 && p is >= 1 and <= 16 && salt.Length >= 8 && hash.Length is >= 16 and <= 64;
    }

    // PHC strings use standard base64 without padding.
    private static string Base64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}

using Vigil.Web.Access;

namespace Vigil.Web.Tests.Access;

public sealed class CryptoTests
{
    [Fact]
    public void Passwords_hash_to_salted_argon2id_phc_strings_that_verify_only_the_right_password()
    {
        var first = PasswordHashing.Hash("correct horse battery");
        var second = PasswordHashing.Hash("correct horse battery");

        Assert.Matches(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(new PasswordCheck(true, false), PasswordHashing.Verify("correct horse battery", first));
        Assert.Equal(new PasswordCheck(false, false), PasswordHashing.Verify("correct horse batterY", first));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA")]
    public void Malformed_or_out_of_bounds_hashes_never_match(string stored)
        => Assert.False(PasswordHashing.Verify("anything", stored).Valid);

    [Fact]
    public void A_hash_made_with_weaker_parameters_verifies_and_asks_for_a_rehash()
    {
        var strong = PasswordHashing.Hash("correct horse battery");
        var parts = strong.Split('$');
        var salt = Convert.FromBase64String(parts[4] + "==");
        using var argon = new Konscious.Security.Cryptography.Argon2id("correct horse battery"u8.ToArray()) { Salt = salt, MemorySize = 8192, Iterations = 1, DegreeOfParallelism = 1 };
        var weak = $"$argon2id$v=19$m=8192,t=1,p=1${parts[4]}${Convert.ToBase64String(argon.GetBytes(32)).TrimEnd('=')}";

        Assert.Equal(new PasswordCheck(true, true), PasswordHashing.Verify("correct horse battery", weak));
    }

    [Fact]
    public void Totp_secrets_are_sealed_per_user_under_a_0600_key_file_and_tampering_is_detected()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-key-").FullName;
        try
        {
            var box = SecretBox.Open(folder);
            var secret = TotpCodes.NewSecret();
            var sealedSecret = box.Seal(secret, 7);

            Assert.Equal(secret, box.Open(sealedSecret, 7));
            Assert.Equal(secret, SecretBox.Open(folder).Open(sealedSecret, 7));
            Assert.Null(box.Open(sealedSecret, 8));
            sealedSecret[^1] ^= 1;
            Assert.Null(box.Open(sealedSecret, 7));
            Assert.Null(SecretBox.Open(Path.Combine(folder, "other")).Open(box.Seal(secret, 7), 7));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, SecretBox.KeyFileName)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

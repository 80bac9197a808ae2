using System.Security.Cryptography;
using Vigil.Storage.Protection;

namespace Vigil.Storage.Tests.Protection;

public sealed class EnvelopeTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private const int Record = 12 + Envelope.ChunkSize + 16;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Envelope.ChunkSize)]
    [InlineData((2 * Envelope.ChunkSize) + 7)]
    public async Task Content_of_any_length_round_trips_with_its_hash(int length)
    {
        var plain = RandomNumberGenerator.GetBytes(length);
        var sealedBytes = await SealAsync(plain);

        Assert.Equal(plain, await Envelope.OpenAsync(Key, "ctx", sealedBytes, CancellationToken.None));
        using var output = new MemoryStream();
        var (sha, read) = await Envelope.DecryptAsync(Key, "ctx", new MemoryStream(sealedBytes), output, CancellationToken.None);
        Assert.Equal((Convert.ToHexString(SHA256.HashData(plain)), (long)length), (Convert.ToHexString(sha), read));
    }

    public static TheoryData<string> Tamperings => ["flip", "swap-chunks", "drop-last-chunk", "truncate", "other-context", "other-key"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task Altered_reordered_truncated_or_transplanted_content_fails(string how)
    {
        var plain = RandomNumberGenerator.GetBytes((2 * Envelope.ChunkSize) + 100);
        var s = await SealAsync(plain);
        var (key, context) = (Key, "ctx");
        switch (how)
        {
            case "flip":
                s[4 + Record + 40] ^= 1;
                break;
            case "swap-chunks":
                var first = s.AsSpan(4, Record).ToArray();
                s.AsSpan(4 + Record, Record).CopyTo(s.AsSpan(4));
                first.CopyTo(s.AsSpan(4 + Record));
                break;
            case "drop-last-chunk":
                s = s[..(4 + (2 * Record))];
                break;
            case "truncate":
                s = s[..^5];
                break;
            case "other-context":
                context = "evidence:other";
                break;
            default:
                key = RandomNumberGenerator.GetBytes(32);
                break;
        }

        await Assert.ThrowsAsync<ProtectionException>(() => Envelope.OpenAsync(key, context, s, CancellationToken.None));
    }

    [Fact]
    public void A_data_key_unwraps_only_with_its_master_key()
    {
        var dataKey = Envelope.NewDataKey();
        var wrapped = Envelope.Wrap(Key, dataKey);

        Assert.Equal(dataKey, Envelope.Unwrap(Key, wrapped));
        Assert.Throws<ProtectionException>(() => Envelope.Unwrap(RandomNumberGenerator.GetBytes(32), wrapped));
    }

    private static Task<byte[]> SealAsync(byte[] plain) => Envelope.SealAsync(Key, "ctx", plain, CancellationToken.None);
}

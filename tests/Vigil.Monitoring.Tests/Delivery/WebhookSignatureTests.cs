using System.Text;
using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

public sealed class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":42}""");

    [Fact]
    public void Signature_is_hmac_sha256_of_timestamp_dot_body_in_lowercase_hex()
    {
        // Reference computed independently: printf '1764320400.{"id":42}' | openssl dgst -sha256 -hmac '0123456789abcdef-secret'
        var signature = WebhookSignature.Compute(Secret, 1764320400, Body);

        Assert.Equal("sha256=ec4e5a403c5ea55f90ba803b33a4f249ed65fbf7ca1811a600cbac80fa7ac727", signature);
    }

    public static TheoryData<string?, string?, string, WebhookVerification> Cases()
    {
        var ts = Now.ToUnixTimeSeconds();
        var good = WebhookSignature.Compute(Secret, ts, Body);
        return new()
        {
            { ts.ToString(), good, """{"id":42}""", WebhookVerification.Valid },
            { ts.ToString(), good, """{"id":43}""", WebhookVerification.Mismatch },
            { (ts + 1).ToString(), good, """{"id":42}""", WebhookVerification.Mismatch },
            { (ts - 301).ToString(), WebhookSignature.Compute(Secret, ts - 301, Body), """{"id":42}""", WebhookVerification.OutsideTolerance },
            { (ts + 301).ToString(), WebhookSignature.Compute(Secret, ts + 301, Body), """{"id":42}""", WebhookVerification.OutsideTolerance },
            { (ts - 299).ToString(), WebhookSignature.Compute(Secret, ts - 299, Body), """{"id":42}""", WebhookVerification.Valid },
            { null, good, """{"id":42}""", WebhookVerification.MissingHeader },
            { ts.ToString(), null, """{"id":42}""", WebhookVerification.MissingHeader },
            { "yesterday", good, """{"id":42}""", WebhookVerification.MalformedTimestamp },
            { "-5", good, """{"id":42}""", WebhookVerification.MalformedTimestamp },
            { ts.ToString(), good[7..], """{"id":42}""", WebhookVerification.MalformedSignature },
            { ts.ToString(), "sha256=" + new string('z', 64), """{"id":42}""", WebhookVerification.MalformedSignature },
            { ts.ToString(), WebhookSignature.Compute("another-secret-of-length", ts, Body), """{"id":42}""", WebhookVerification.Mismatch },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verification_accepts_only_an_unchanged_recent_request(string? timestamp, string? signature, string body, WebhookVerification expected)
    {
        var result = WebhookSignature.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(body), Now, WebhookSignature.DefaultTolerance);

        Assert.Equal(expected, result);
    }
}

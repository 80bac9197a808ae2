using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Web.Tests.Access;

public sealed class HeadersTests
{
    [Theory]
    [InlineData("/signin", HttpStatusCode.OK)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/api/v1/events", HttpStatusCode.Unauthorized)]
    [InlineData("/metrics", HttpStatusCode.Unauthorized)]
    [InlineData("/no-such-page", HttpStatusCode.Redirect)]
    public async Task Every_response_carries_the_security_headers_and_plain_http_has_no_hsts(string path, HttpStatusCode status)
    {
        await using var host = await AccessHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
            string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.DoesNotContain("unsafe", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Under_https_with_the_configured_certificate_responses_carry_hsts_and_cookies_are_secure()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-tls-").FullName;
        try
        {
            var pfx = Path.Combine(folder, "web.pfx");
            using (var key = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
            }

            await using var host = await AccessHost.StartAsync(o =>
            {
                o.Url = "https://127.0.0.1:0";
                o.Certificate = pfx;
                o.CertificatePassword = "pw";
            });
            using var client = host.Client();

            using var response = await client.GetAsync("/signin");

            Assert.Equal("https", host.BaseAddress.Scheme);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
            Assert.All(response.Headers.GetValues("Set-Cookie"), static c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:8514", false, true)]
    [InlineData("http://localhost:8514", false, true)]
    [InlineData("http://[::1]:8514", false, true)]
    [InlineData("http://0.0.0.0:8514", false, false)]
    [InlineData("http://192.0.2.10:8514", false, false)]
    [InlineData("http://192.0.2.10:8514", true, true)]
    [InlineData("https://192.0.2.10:8514", false, false)]
    public void Plain_http_is_only_valid_on_loopback_unless_allowed_and_https_needs_a_certificate(string url, bool allowRemote, bool valid)
    {
        var options = new WebOptions { Url = url, AllowRemoteHttp = allowRemote };

        Assert.Equal(valid, !options.Validate().Any());
    }
}

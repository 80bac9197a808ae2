using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vigil.Ingestion.Listeners;

namespace Vigil.Ingestion.Tests.Listeners;

public sealed class SyslogTlsListenerTests
{
    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task Messages_arrive_over_tls_with_a_configured_certificate(SslProtocols protocol)
    {
        using var certificate = SelfSigned();
        var sink = new CollectingSink();
        await using var listener = await SyslogTcpListenerTests.StartAsync(new SyslogTcpListenerOptions { Port = 0, Certificate = certificate }, sink);

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", listener.Port);
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = protocol,
            // Trust exactly the test's certificate, nothing else.
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        });
        Assert.Equal(protocol, tls.SslProtocol);
        await tls.WriteAsync("22 <13>1 - host app - - -<13>newline framed\n"u8.ToArray());
        await tls.FlushAsync();

        await Eventually.True(() => sink.Count == 2, "two messages");
        Assert.Equal(["<13>1 - host app - - -", "<13>newline framed"], sink.Texts);
    }

    [Fact]
    public async Task A_plain_text_client_on_the_tls_port_is_rejected_and_counted()
    {
        using var certificate = SelfSigned();
        var sink = new CollectingSink();
        await using var listener = await SyslogTcpListenerTests.StartAsync(new SyslogTcpListenerOptions { Port = 0, Certificate = certificate }, sink);

        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", listener.Port);
            await client.GetStream().WriteAsync("<13>not encrypted at all, and long enough to be read as a record\n"u8.ToArray());
        }

        await Eventually.True(() => listener.Statistics.Rejected.GetValueOrDefault(RejectReasons.TlsHandshake) == 1, "a failed handshake");
        Assert.Equal(0, sink.Count);
    }

    [Fact]
    public void A_certificate_without_private_key_is_refused_at_creation()
    {
        using var certificate = SelfSigned();
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        Assert.Throws<ArgumentException>(() => new SyslogTcpListener(new SyslogTcpListenerOptions { Certificate = publicOnly }, new CollectingSink()));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}

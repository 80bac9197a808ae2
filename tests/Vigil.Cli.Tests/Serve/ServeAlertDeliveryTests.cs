using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Vigil.Monitoring.Delivery;

namespace Vigil.Cli.Tests.Serve;

public sealed class ServeAlertDeliveryTests
{
    private const string Secret = "a-webhook-secret-for-tests-only";

    [Fact]
    public async Task A_new_alert_reaches_a_real_smtp_server_and_a_signed_webhook()
    {
        var mail = new CollectingStore();
        var smtpPort = FreePort();
        using var stopSmtp = new CancellationTokenSource();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(mail);
        var smtp = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, smtpPort))).Build(),
            services);
        var smtpRunning = smtp.StartAsync(stopSmtp.Token);

        var webhookPort = FreePort();
        using var receiver = new HttpListener();
        receiver.Prefixes.Add($"http://127.0.0.1:{webhookPort}/hook/");
        receiver.Start();
        var webhook = ReceiveOneAsync(receiver);

        using var fixture = new ServeFixture(extraConfig: $"""
            alerting:
              channels:
                - name: dpo-email
                  type: smtp
                  smtp:
                    host: 127.0.0.1
                    port: {smtpPort}
                    security: None
                    from: vigil@clinic.example
                    to: [dpo@clinic.example]
                - name: msp-hook
                  type: webhook
                  webhook:
                    url: http://127.0.0.1:{webhookPort}/hook/
              delivery:
                pollInterval: 00:00:00.200
            """);
        var token = fixture.CreateToken("ingest");
        using var serve = ServeProcess.Start(fixture.ConfigPath, new() { ["VIGIL_Alerting__Channels__1__Webhook__Secret"] = Secret });
        using var client = serve.Client(token);
        var answer = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), new StringContent($"{{\"user\":\"mallory\",\"action\":\"{ServeFixture.Marker}\",\"note\":\"patient-secret-detail\"}}", Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var (headers, body) = await webhook.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(WebhookVerification.Valid, WebhookSignature.Verify(Secret, headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
        Assert.Contains("Test marker seen", Encoding.UTF8.GetString(body), StringComparison.Ordinal);

        for (var i = 0; i < 300 && mail.Received.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        var message = Assert.Single(mail.Received);
        Assert.Contains("Test marker seen", message.Subject, StringComparison.Ordinal);
        Assert.Equal("dpo@clinic.example", message.To.Mailboxes.Single().Address);
        Assert.DoesNotContain("patient-secret-detail", message.TextBody ?? "", StringComparison.Ordinal);

        await stopSmtp.CancelAsync();
        await smtpRunning.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private static async Task<(System.Collections.Specialized.NameValueCollection Headers, byte[] Body)> ReceiveOneAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        context.Response.StatusCode = 204;
        context.Response.Close();
        return (context.Request.Headers, body.ToArray());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CollectingStore : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

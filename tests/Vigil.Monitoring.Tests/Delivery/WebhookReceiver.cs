using System.Collections.Concurrent;
using System.Net;
using Vigil.Monitoring.Delivery;

namespace Vigil.Monitoring.Tests.Delivery;

/// <summary>A real HTTP receiver (HttpListener on loopback) that verifies each request's signature and answers with scripted statuses.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _statuses;
    private readonly string _secret;
    private readonly TimeProvider _time;

    public WebhookReceiver(string secret, TimeProvider time, params int[] statuses)
    {
        _secret = secret;
        _time = time;
        _statuses = new ConcurrentQueue<int>(statuses);
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks/vigil";

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var verification = WebhookSignature.Verify(
                _secret,
                context.Request.Headers[WebhookSignature.TimestampHeader],
                context.Request.Headers[WebhookSignature.SignatureHeader],
                bytes,
                _time.GetUtcNow(),
                WebhookSignature.DefaultTolerance);
            Requests.Enqueue(new ReceivedRequest(context.Request.HttpMethod, context.Request.ContentType, bytes, verification));
            context.Response.StatusCode = _statuses.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }
}

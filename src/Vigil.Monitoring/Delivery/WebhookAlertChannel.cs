using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Vigil.Storage.Alerts;

namespace Vigil.Monitoring.Delivery;

/// <summary>POSTs alerts as signed JSON to a URL.</summary>
/// <remarks>
/// Body: the alert's id, rule, level, group key, times, count, status, event ids and details. Headers:
/// <see cref="WebhookSignature.TimestampHeader"/> and <see cref="WebhookSignature.SignatureHeader"/>. A 2xx answer is
/// success; 410 Gone means the receiver is gone for good and the dispatcher gives up on the notification; any other
/// answer, a connection failure or the timeout is a failure that is retried. Redirects are not success: give the
/// channel an <see cref="HttpClient"/> that does not follow them (as <see cref="AlertChannels.Create"/> does).
/// Thread-safe.
/// </remarks>
public sealed class WebhookAlertChannel : IAlertChannel
{
    private readonly WebhookChannelOptions _options;
    private readonly Uri _url;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    /// <summary>Creates the channel; <paramref name="options"/> must be valid (see <see cref="WebhookChannelOptions.Validate"/>).</summary>
    /// <param name="name">The channel's configured name.</param>
    /// <param name="options">URL, secret and timeout.</param>
    /// <param name="http">The client to send with; shared, not disposed by the channel.</param>
    /// <param name="timeProvider">The clock for the timestamp header and the timeout.</param>
    public WebhookAlertChannel(string name, WebhookChannelOptions options, HttpClient http, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate("webhook");
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        Name = name;
        _options = options;
        _url = new Uri(options.Url);
        _http = http;
        _time = timeProvider;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public async Task SendAsync(Alert alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = WebhookPayload.Serialize(alert);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(_options.Secret, timestamp, body));

        var timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds);
        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new AlertDeliveryException($"webhook timed out after {_options.TimeoutSeconds} s", inner: ex);
        }
        catch (HttpRequestException ex)
        {
            throw new AlertDeliveryException($"webhook request failed: {ex.HttpRequestError}", inner: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Gone)
            {
                throw new AlertDeliveryException("webhook answered HTTP 410 Gone (receiver removed; giving up)", permanent: true);
            }

            if (status is < 200 or > 299)
            {
                throw new AlertDeliveryException($"webhook answered HTTP {status.ToString(CultureInfo.InvariantCulture)}");
            }
        }
    }
}

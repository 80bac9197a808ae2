using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Vigil.Ingestion.Json;
using Vigil.Ingestion.Sources;
using Vigil.Monitoring;
using Vigil.Storage.Events;

namespace Vigil.Web.Api;

/// <summary><c>POST /api/v1/events</c>: NDJSON or a JSON array of events, committed before the answer.</summary>
/// <remarks>
/// 200 means every event of the request is committed; the answer gives how many and whether the
/// <c>Idempotency-Key</c> had been seen before (then nothing was written again). 400 names the bad record and the
/// reason, and nothing of that request is stored; 413 for a body over the limit; 503 with <c>Retry-After</c> when the
/// queue is full or the store failed: the sender should retry the same request with the same key.
/// </remarks>
internal static class IngestEndpoint
{
    public const string Listener = "http";

    public static async Task<Results<Ok<IngestAnswer>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        MonitoringService monitoring,
        WebOptions options,
        TimeProvider time,
        string? sourceType)
    {
        var request = context.Request;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = options.MaxRequestBytes;
        }

        if (request.ContentLength > options.MaxRequestBytes)
        {
            monitoring.Metrics.Rejected(Listener, "too-large", 1);
            return TypedResults.Problem($"the body is over {options.MaxRequestBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        ReadOnlySequence<byte> body;
        try
        {
            var read = await request.BodyReader.ReadAtLeastAsync((int)Math.Min(options.MaxRequestBytes + 1, int.MaxValue), context.RequestAborted).ConfigureAwait(false);
            body = read.Buffer;
            if (body.Length > options.MaxRequestBytes)
            {
                request.BodyReader.AdvanceTo(body.End);
                monitoring.Metrics.Rejected(Listener, "too-large", 1);
                return TypedResults.Problem($"the body is over {options.MaxRequestBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            monitoring.Metrics.Rejected(Listener, "too-large", 1);
            return TypedResults.Problem($"the body is over {options.MaxRequestBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var bytes = body.ToArray();
        request.BodyReader.AdvanceTo(body.End);
        var origin = $"{Listener}:{context.Connection.RemoteIpAddress}";
        var records = JsonRecords.Parse(bytes, origin, out var error);
        if (records is null)
        {
            monitoring.Metrics.Rejected(Listener, "invalid-json", 1);
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "The request holds an invalid event");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            return TypedResults.Problem("the Idempotency-Key is over 200 characters", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(sourceType) && !SourceTypes.IsKnown(sourceType))
        {
            return TypedResults.Problem($"source_type '{sourceType}' is not one of {string.Join(", ", SourceTypes.All.Order(StringComparer.Ordinal))}", statusCode: StatusCodes.Status400BadRequest);
        }

        var received = time.GetUtcNow();
        var events = new EventRecord[records.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = SourceTypes.Shape(records[i].Event, string.IsNullOrEmpty(sourceType) ? null : sourceType, SourceTypes.Json);
            events[i] = new EventRecord(e, records[i].Raw, received);
        }

        if (!monitoring.Queue.TryEnqueue(events, key.Length == 0 ? null : key, Listener, out var committed))
        {
            monitoring.Metrics.Rejected(Listener, "queue-full", events.Length);
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem("Vigil is busy; retry the same request", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        try
        {
            var result = await committed.ConfigureAwait(false);
            return TypedResults.Ok(new IngestAnswer(events.Length, result.Duplicate));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem("the events could not be stored; retry the same request", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

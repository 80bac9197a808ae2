using Microsoft.AspNetCore.Http;

namespace Vigil.Web.Api;

/// <summary>
/// Serves the OpenAPI document from memory after its first generation: the routes do not change while the server runs,
/// and generating it walks every endpoint's metadata (about 100 ms at p50 with the whole API). It sits after
/// authorisation, so only requests the document's policy allows ever reach it; the document names no server (see
/// <c>AddVigilPages</c>), so one copy fits every host name it is asked under.
/// </summary>
internal sealed class OpenApiDocumentCache
{
    public const string Path = "/openapi/v1.json";
    private volatile Cached? _cached;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || !context.Request.Path.Equals(Path, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (_cached is { } cached)
        {
            context.Response.ContentType = cached.ContentType;
            context.Response.ContentLength = cached.Body.Length;
            await context.Response.Body.WriteAsync(cached.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            _cached = new Cached(body, context.Response.ContentType);
        }

        await original.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record Cached(byte[] Body, string? ContentType);
}

using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Vigil.Web.Pages;

/// <summary>
/// Serves the web app's own stylesheets from resources embedded in this assembly (<c>wwwroot/css/x.css</c> at <c>/css/x.css</c>)
/// (no CDN, nothing fetched: the app works offline). Anonymous: the sign-in page needs its stylesheet.
/// </summary>
internal static class StaticAssets
{
    private static readonly FrozenDictionary<string, (byte[] Body, string Type, string ETag)> Files = Load();

    public static void Map(IEndpointRouteBuilder app)
        => app.MapGet("/css/{name}", static (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue("css/" + name, out var file))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ETag = file.ETag;
            return context.Request.Headers.IfNoneMatch == file.ETag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(file.Body, file.Type);
        }).AllowAnonymous().ExcludeFromDescription();

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(static n => n.StartsWith("wwwroot/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var body = buffer.ToArray();
            var name = resource["wwwroot/".Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (body, type, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"").ToString());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

using System.Text.Json;

namespace Vigil.Web.Tests.Access;

/// <summary>Checks that the served OpenAPI document (<c>/openapi/v1.json</c>) lists routes.</summary>
internal static class OpenApiRoutes
{
    /// <summary>Fails naming every one of <paramref name="routes"/> that is not a path of the document <paramref name="client"/> is served.</summary>
    public static async Task AssertListedAsync(HttpClient client, params string[] routes)
    {
        using var answer = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.True(answer.IsSuccessStatusCode, $"GET /openapi/v1.json: {(int)answer.StatusCode}");
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        var missing = routes.Where(route => !paths.TryGetProperty(route, out _)).ToList();
        Assert.True(missing.Count == 0, $"OpenAPI lacks {string.Join(", ", missing)}");
    }
}

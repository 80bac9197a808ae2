using System.Net;
using Vigil.Web.Auth;

namespace Vigil.Web.Tests.Access;

/// <summary>The OpenAPI document is generated once and kept; the copy in memory is still only served to callers the policy allows.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_kept_openapi_document_is_the_generated_one_and_anonymous_callers_never_get_it()
    {
        await using var host = await AccessHost.StartAsync();
        var (_, read) = await host.Store.Tokens.CreateAsync("docs", [Scopes.Read], host.Time.GetUtcNow(), CancellationToken.None);
        var (_, ingest) = await host.Store.Tokens.CreateAsync("sender", [Scopes.Ingest], host.Time.GetUtcNow(), CancellationToken.None);
        using var client = host.Client();

        async Task<(HttpStatusCode Status, string Body, string? Type)> Get(string? token, string hostName = "localhost")
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
            request.Headers.Host = hostName;
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            using var answer = await client.SendAsync(request);
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Content.Headers.ContentType?.MediaType);
        }

        var anonymousBefore = await Get(null);
        var first = await Get(read);
        var second = await Get(read, "vigil.practice.example");
        var anonymousAfter = await Get(null);
        var wrongScope = await Get(ingest);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("application/json", second.Type);
        Assert.Contains("/api/v1/alerts", second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", second.Body, StringComparison.Ordinal);
        foreach (var refused in new[] { anonymousBefore, anonymousAfter, wrongScope })
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.Status);
            Assert.DoesNotContain("/api/v1/alerts", refused.Body, StringComparison.Ordinal);
        }
    }
}

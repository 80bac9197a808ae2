using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Discovery;

/// <summary><c>/api/v1/discovery</c> with tokens and sessions: masked reads for every reader, reveals for privacy officers only.</summary>
public sealed class DiscoveryApiTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private readonly DiscoveryHostScan _app = fixture.App;

    [Fact]
    public async Task A_read_token_lists_scans_subjects_and_items_masked_and_pages_by_cursor()
    {
        using var http = await TokenClientAsync(Scopes.Read);
        using var scans = JsonDocument.Parse(await http.GetStringAsync("/api/v1/discovery/scans"));
        Assert.Equal(_app.ScanId, scans.RootElement.GetProperty("scans")[0].GetProperty("id").GetInt64());
        using var scan = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/discovery/scans/{_app.ScanId}"));
        Assert.Equal("completed", scan.RootElement.GetProperty("status").GetString());
        Assert.True(scan.RootElement.GetProperty("byCategory").GetProperty("identity").GetInt64() > 0);
        var subjects = await http.GetStringAsync($"/api/v1/discovery/scans/{_app.ScanId}/subjects");
        Assert.Contains(JsonEncodedText.Encode(PlantedMailbox.MaskedNhsNumber).ToString(), subjects, StringComparison.Ordinal);
        Assert.DoesNotContain("5919\"", subjects.Replace(JsonEncodedText.Encode(PlantedMailbox.MaskedNhsNumber).ToString(), "", StringComparison.Ordinal), StringComparison.Ordinal);

        using var first = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/discovery/scans/{_app.ScanId}/items?limit=1"));
        var next = first.RootElement.GetProperty("next").GetString();
        Assert.NotNull(next);
        using var second = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/discovery/scans/{_app.ScanId}/items?limit=1&after={next}"));
        var seqs = new[] { first, second }.SelectMany(static d => d.RootElement.GetProperty("items").EnumerateArray()).Select(static i => i.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(new Uri($"/api/v1/discovery/scans/{_app.ScanId}/items?after=x", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData(Scopes.Read)]
    [InlineData(Scopes.Analyse)]
    [InlineData(Scopes.Admin)]
    public async Task No_token_reveals_or_starts_a_scan_whatever_its_scopes(string scope)
    {
        using var http = await TokenClientAsync(scope);
        var reveal = await http.PostAsync(new Uri($"/api/v1/discovery/scans/{_app.ScanId}/items/1/reveal", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        var start = await http.PostAsJsonAsync(new Uri("/api/v1/discovery/scans", UriKind.Relative), new { path = "exports" });
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
    }

    [Fact]
    public async Task A_privacy_officers_session_reveals_through_the_api_and_the_openapi_document_lists_the_routes()
    {
        var client = _app.Clients["dpo"];
        var seq = (await _app.Host.Store.PhiScans.ItemsAsync(_app.ScanId, null, 50, CancellationToken.None)).Single(static i => i.Types.Contains("UK_NHS")).Seq;
        var answer = await client.PostAsync(new Uri($"/api/v1/discovery/scans/{_app.ScanId}/items/{seq}/reveal", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(PlantedMailbox.NhsNumber, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await OpenApiRoutes.AssertListedAsync(client, "/api/v1/discovery/scans/{id}/items/{seq}/reveal", "/api/v1/vulnerabilities/findings", "/api/v1/vulnerabilities/exceptions");
    }

    private async Task<HttpClient> TokenClientAsync(string scope)
    {
        var (_, secret) = await _app.Host.Store.Tokens.CreateAsync($"t-{scope}", [scope], _app.Host.Time.GetUtcNow(), CancellationToken.None);
        var http = new HttpClient { BaseAddress = _app.Host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return http;
    }
}

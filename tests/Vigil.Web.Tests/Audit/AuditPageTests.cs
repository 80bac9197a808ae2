using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Audit;

/// <summary>The audit log page and API: who may see them, what they show, and a tampered chain shown as broken.</summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private AccessHost _host = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        var now = _host.Time.GetUtcNow();
        foreach (var (name, client) in await _host.SignedInClientsAsync(("ada", Roles.Admin, true), ("dpo", Roles.PrivacyOfficer, true), ("ana", Roles.Analyst, false), ("vic", Roles.Viewer, false)))
        {
            _clients[name] = client;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("ada", HttpStatusCode.OK)]
    [InlineData("dpo", HttpStatusCode.OK)]
    [InlineData("ana", HttpStatusCode.Forbidden)]
    [InlineData("vic", HttpStatusCode.Forbidden)]
    public async Task Only_admins_and_privacy_officers_reach_the_page_the_api_and_the_nav_link(string user, HttpStatusCode expected)
    {
        foreach (var path in new[] { "/audit", "/api/v1/audit", "/api/v1/audit/verify" })
        {
            var answer = await _clients[user].GetAsync(path);
            if (answer.StatusCode == HttpStatusCode.Redirect && path == "/audit")
            {
                // A browser asking for a page is sent to /denied, which answers 403 with an explanation.
                Assert.Equal("/denied", new Uri(_host.BaseAddress, answer.Headers.Location!).AbsolutePath);
                answer = await _clients[user].GetAsync(answer.Headers.Location);
            }

            Assert.True(expected == answer.StatusCode, $"{user} {path}: {answer.StatusCode}");
        }

        var overview = await _clients[user].GetStringAsync("/");
        Assert.Equal(expected == HttpStatusCode.OK, overview.Contains("href=\"/audit\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_shows_sign_ins_newest_first_with_an_intact_chain_and_filters_by_actor_action_and_time()
    {
        var html = await _clients["dpo"].GetStringAsync("/audit");
        Assert.Contains("<strong>Intact</strong>: 4 entries verified", html, StringComparison.Ordinal);
        var head = (await _host.Store.Audit.VerifyAsync(CancellationToken.None)).HeadHash;
        Assert.Contains(head, html, StringComparison.Ordinal);
        var (vic, ada) = (html.IndexOf("<td>user:vic</td>", StringComparison.Ordinal), html.IndexOf("<td>user:ada</td>", StringComparison.Ordinal));
        Assert.True(vic > 0 && ada > vic, "newest first");
        Assert.Contains("<td>sign-in</td>", html, StringComparison.Ordinal);

        var filtered = await _clients["ada"].GetStringAsync("/audit?actor=user%3Aana&action=sign-in");
        Assert.Contains("1 entries shown", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>user:vic</td>", filtered, StringComparison.Ordinal);
        Assert.Contains("0 entries shown", await _clients["ada"].GetStringAsync("/audit?to=2026-03-01T08:00Z"), StringComparison.Ordinal);
        Assert.Contains("4 entries shown", await _clients["ada"].GetStringAsync("/audit?from=1h&to=2026-03-01T09:00Z"), StringComparison.Ordinal);
        Assert.Contains("from: an ISO 8601 time", await _clients["ada"].GetStringAsync("/audit?from=yesterday"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_pages_by_keyset_and_the_openapi_document_lists_it()
    {
        for (var i = 0; i < 5; i++)
        {
            await _host.Store.Audit.AppendAsync(new AuditEntry("cli:root", AuditActions.SettingsChanged, $"setting-{i}"), CancellationToken.None);
        }

        var seen = new List<long>();
        string? next = "";
        while (next is not null)
        {
            using var doc = JsonDocument.Parse(await _clients["ada"].GetStringAsync($"/api/v1/audit?limit=4{(next.Length > 0 ? "&before=" + next : "")}"));
            seen.AddRange(doc.RootElement.GetProperty("entries").EnumerateArray().Select(static e => e.GetProperty("id").GetInt64()));
            next = doc.RootElement.GetProperty("next") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        Assert.Equal(Enumerable.Range(1, 9).Reverse().Select(static i => (long)i), seen);
        Assert.Equal(HttpStatusCode.BadRequest, (await _clients["ada"].GetAsync("/api/v1/audit?before=0")).StatusCode);
        await OpenApiRoutes.AssertListedAsync(_clients["ada"], "/api/v1/audit");
    }

    [Fact]
    public async Task A_row_changed_in_the_sqlite_file_shows_the_chain_as_broken_at_that_entry()
    {
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "vigil.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE audit SET actor = 'user:mallory' WHERE id = 2";
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        var html = await _clients["ada"].GetStringAsync("/audit");
        Assert.Contains("Broken at entry <span id=\"broken-at\">2</span>", html, StringComparison.Ordinal);
        Assert.Contains("does not match its hash (changed)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Intact</strong>", html, StringComparison.Ordinal);
        using var verify = JsonDocument.Parse(await _clients["dpo"].GetStringAsync("/api/v1/audit/verify"));
        Assert.False(verify.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verify.RootElement.GetProperty("brokenAt").GetInt64());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Events;
using Vigil.Storage.Alerts;
using Vigil.Storage.Events;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Incidents;

/// <summary>The incident API and pages in the real app: who may use them, opening from alerts, the work on an incident, the audit.</summary>
public sealed class IncidentApiTests : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _people = [];
    private AccessHost _host = null!;
    private HttpClient _token = null!;
    private string _tokenActor = "";
    private long _alert;

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        var now = _host.Time.GetUtcNow();
        foreach (var (name, client) in await _host.SignedInClientsAsync(("ada", Roles.Admin, true), ("dpo", Roles.PrivacyOfficer, true), ("ana", Roles.Analyst, false), ("vic", Roles.Viewer, false)))
        {
            _people[name] = client;
        }

        var (responder, secretToken) = await _host.Store.Tokens.CreateAsync("responder", [Scopes.Respond], now, CancellationToken.None);
        _tokenActor = $"token:{responder.Id}";
        _token = _host.Client();
        _token.DefaultRequestHeaders.Authorization = new("Bearer", secretToken);

        var e = new LogEvent { Timestamp = now.AddMinutes(-30), SourceType = "m365", Source = "test", Record = 1 };
        e.Add("Operation", "New-InboxRule");
        e.Add("UserId", "dr.jones@practice.example");
        e.Add("ClientIP", "203.0.113.9");
        var appended = await _host.Store.Events.AppendAsync([new EventRecord(e, "raw", now)], null, CancellationToken.None);
        var batch = await _host.Store.Alerts.RecordAsync([new AlertCandidate("r1", "Inbox rule forwards mail", "high", "dr.jones", now.AddMinutes(-30), [.. appended.Ids], "{}")], TimeSpan.FromHours(1), [], "test", appended.Ids[^1], now, CancellationToken.None);
        _alert = batch.Created[0].Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _people.Values)
        {
            client.Dispose();
        }

        _token.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("ana", true)]
    [InlineData("dpo", true)]
    [InlineData("ada", false)]
    [InlineData("vic", false)]
    public async Task Only_analysts_and_privacy_officers_reach_incident_pages_and_api(string user, bool allowed)
    {
        var client = _people[user];
        foreach (var path in new[] { "/api/v1/incidents", "/api/v1/playbooks", "/incidents", "/incidents/new" })
        {
            using var answer = await client.GetAsync(path);
            var status = answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location!.OriginalString.Contains("/denied", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : answer.StatusCode;
            Assert.True((allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == status, $"{user} GET {path}: {(int)answer.StatusCode}");
        }

        using var post = await client.PostAsJsonAsync("/api/v1/incidents", new { title = "x", severity = "low" });
        Assert.Equal(allowed ? HttpStatusCode.Created : HttpStatusCode.Forbidden, post.StatusCode);
        var nav = await client.GetStringAsync("/alerts");
        Assert.Equal(allowed, nav.Contains("href=\"/incidents\"", StringComparison.Ordinal));
        Assert.Equal(allowed, nav.Contains("Open or add to an incident", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_respond_token_opens_an_incident_from_an_alert_and_works_it_through_the_api()
    {
        using var opened = await _token.PostAsJsonAsync("/api/v1/incidents", new { title = "Mailbox compromise", severity = "high", playbook = "compromised-mailbox", jurisdictions = new[] { "uk-gdpr" }, alertIds = new[] { _alert }, description = "Patient letters forwarded" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var path = $"/api/v1/incidents/{id}";

        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/status", new { status = "Investigating" })).StatusCode);
        var bad = await _token.PostAsJsonAsync($"{path}/status", new { status = "Recovered" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("only Contained or Closed", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/owner", new { owner = "ana" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/tasks/1/done", new { note = "Audit log exported" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _token.PostAsJsonAsync($"{path}/tasks/1/done", new { note = "again" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/comments", new { text = "Spoke to the practice manager" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/timeline", new { text = "Mailbox export taken", at = _host.Time.GetUtcNow().AddMinutes(-10) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/observables", new { kind = "domain", value = "Evil.Example" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _token.PostAsJsonAsync($"{path}/observables", new { kind = "ip", value = "not-an-ip" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _token.PostAsJsonAsync($"{path}/alerts", new { alertIds = new[] { _alert } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _token.PostAsJsonAsync($"{path}/alerts", new { alertIds = new[] { 424242 } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _token.PostAsJsonAsync("/api/v1/incidents/999/comments", new { text = "x" })).StatusCode);

        var detail = await _token.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(("Investigating", "ana", "Patient letters forwarded"), (detail.GetProperty("incident").GetProperty("status").GetString(), detail.GetProperty("incident").GetProperty("owner").GetString(), detail.GetProperty("description").GetString()));
        Assert.Equal(["Contained", "Closed"], detail.GetProperty("allowedStatuses").EnumerateArray().Select(static s => s.GetString()));
        Assert.Equal(_alert, detail.GetProperty("alerts")[0].GetProperty("id").GetInt64());
        var task = detail.GetProperty("tasks")[0];
        Assert.Equal((_tokenActor, "Audit log exported"), (task.GetProperty("doneBy").GetString(), task.GetProperty("note").GetString()));
        Assert.True(detail.GetProperty("tasks").GetArrayLength() > 5);
        Assert.Equal("Spoke to the practice manager", detail.GetProperty("comments")[0].GetProperty("text").GetString());
        var observables = detail.GetProperty("observables").EnumerateArray().Select(static o => $"{o.GetProperty("kind").GetString()}:{o.GetProperty("value").GetString()}").ToList();
        Assert.Contains("ip:203.0.113.9", observables);
        Assert.Contains("domain:evil.example", observables);
        var timeline = detail.GetProperty("timeline").EnumerateArray().Select(static t => (At: t.GetProperty("at").GetDateTimeOffset(), Text: t.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(timeline.OrderBy(static t => t.At).Select(static t => t.Text), timeline.Select(static t => t.Text));
        Assert.Contains(timeline, static t => t.Text.Contains("New-InboxRule", StringComparison.Ordinal));
        Assert.Contains(timeline, static t => t.Text == "Mailbox export taken");
        Assert.Equal($"/incidents/{id}/evidence", detail.GetProperty("links").GetProperty("evidence").GetString());

        var list = await _token.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=investigating&q=mailbox");
        Assert.Equal(id, list.GetProperty("incidents")[0].GetProperty("id").GetInt64());
        Assert.Equal(1, list.GetProperty("counts").GetProperty("Investigating").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await _token.GetAsync("/api/v1/incidents?status=7")).StatusCode);

        var audit = await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 100), CancellationToken.None);
        var mine = audit.Where(a => a.Target == $"incident:{id}").ToList();
        Assert.Contains(mine, static a => a.Action == "incident-opened");
        Assert.Equal(7, mine.Count(static a => a.Action == "incident-changed"));
        Assert.All(mine, a => Assert.Equal(_tokenActor, a.Actor));
        Assert.DoesNotContain(mine, static a => (a.Detail ?? "").Contains("practice manager", StringComparison.Ordinal) || (a.Detail ?? "").Contains("Audit log exported", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_analyst_opens_an_incident_from_the_alert_with_the_page_forms_and_comments_on_it()
    {
        var client = _people["ana"];
        var form = await client.GetStringAsync($"/incidents/new?alert={_alert}");
        Assert.Contains("Inbox rule forwards mail", form, StringComparison.Ordinal);
        using var opened = await AccessHost.PostFormAsync(client, $"/incidents/new?alert={_alert}", "/incidents/new?handler=Open",
            ("alert", $"{_alert}"), ("Title", "Inbox rule"), ("Severity", "high"), ("Playbook", "compromised-mailbox"), ("Jurisdictions", "gg-dpl"), ("AwareAt", "2026-03-01T08:00"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = opened.Headers.Location!.OriginalString;

        using var comment = await AccessHost.PostFormAsync(client, page, $"{page}?handler=Comment", ("text", "Called the patient back"));
        Assert.Equal(HttpStatusCode.Redirect, comment.StatusCode);
        using var skip = await AccessHost.PostFormAsync(client, page, $"{page}?handler=Status", ("status", "Eradicated"));
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        using var done = await AccessHost.PostFormAsync(client, page, $"{page}?handler=Task", ("number", "2"), ("note", ""));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var html = await client.GetStringAsync(page);
        Assert.Contains("Called the patient back", html, StringComparison.Ordinal);
        Assert.Contains("by user:ana at", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/alerts/{_alert}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}/evidence\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}/breach\"", html, StringComparison.Ordinal);
        Assert.Contains("gg-dpl", html, StringComparison.Ordinal);
        Assert.Contains(page, await client.GetStringAsync($"/alerts/{_alert}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_incident_page_and_route_requires_the_respond_policy_or_a_stricter_one()
    {
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(static e => (Route: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Endpoint: e))
            .Where(static e => e.Route.StartsWith("/incidents", StringComparison.Ordinal) || e.Route.StartsWith("/api/v1/incidents", StringComparison.Ordinal) || e.Route == "/api/v1/playbooks")
            .ToList();
        Assert.True(endpoints.Count >= 14, $"{endpoints.Count} incident endpoints");
        var respond = AccessPolicies.RolesByPolicy[Policies.Respond];
        foreach (var (route, endpoint) in endpoints)
        {
            // Stricter: every role the policy admits is also admitted by respond (reveal-phi for letters and decisions).
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(static a => a.Policy).ToList();
            Assert.True(
                policies.Any(p => p is not null && AccessPolicies.RolesByPolicy.TryGetValue(p, out var roles) && roles.All(respond.Contains)),
                $"{route} requires neither {Policies.Respond} nor a stricter policy ({string.Join(", ", policies)})");
            Assert.Null(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        }
    }

    [Fact]
    public Task The_openapi_document_lists_the_incident_routes()
        => OpenApiRoutes.AssertListedAsync(_people["ana"], "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/status", "/api/v1/incidents/{id}/tasks/{number}/done", "/api/v1/incidents/{id}/comments", "/api/v1/incidents/{id}/timeline", "/api/v1/incidents/{id}/observables", "/api/v1/incidents/{id}/alerts", "/api/v1/incidents/{id}/owner", "/api/v1/playbooks");
}

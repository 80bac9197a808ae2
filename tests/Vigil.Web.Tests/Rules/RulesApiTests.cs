using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Vigil.Storage.Alerts;
using Vigil.Storage.Audit;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Rules;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Rules;

/// <summary><c>/api/v1/rules</c> over a real pack: listing, detail, enable and disable applied live, upload, test, delete, errors, access.</summary>
public sealed class RulesApiTests
{
    private const string Uploaded = "44444444-4444-4444-8444-444444444444";

    [Fact]
    public async Task Rules_are_listed_filtered_and_paged_with_their_pack_and_alert_counts()
    {
        await using var rules = await RulesHost.StartAsync();
        var at = rules.Host.Time.GetUtcNow().AddHours(-2);
        await rules.Host.Store.Alerts.RecordAsync([new AlertCandidate(RulesHost.MarkerId, "Test marker rule", "high", "carol", at, [1], "{}")], TimeSpan.FromHours(1), [], "live", 0, at, CancellationToken.None);

        var all = await GetJsonAsync(rules.Analyst, "/api/v1/rules");
        var high = await GetJsonAsync(rules.Analyst, "/api/v1/rules?level=high");
        var byTag = await GetJsonAsync(rules.Analyst, "/api/v1/rules?q=T1110&limit=1");
        var secondPage = await GetJsonAsync(rules.Analyst, "/api/v1/rules?q=t1110&limit=1&page=2");

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var marker = Assert.Single(high.GetProperty("rules").EnumerateArray());
        Assert.Equal((RulesHost.MarkerId, "practice-rules", true, 1L), (marker.GetProperty("id").GetString(), marker.GetProperty("pack").GetString(), marker.GetProperty("enabled").GetBoolean(), marker.GetProperty("alerts").GetInt64()));
        Assert.Equal((2, 2), (byTag.GetProperty("total").GetInt32(), byTag.GetProperty("next").GetInt32()));
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await rules.Analyst.GetAsync("/api/v1/rules?level=severe")).StatusCode);
    }

    [Fact]
    public async Task A_rules_detail_has_its_attack_ids_and_yaml_and_unknown_rules_are_404()
    {
        await using var rules = await RulesHost.StartAsync();

        var detail = await GetJsonAsync(rules.Analyst, $"/api/v1/rules/{RulesHost.MarkerId}");

        Assert.Equal("T1110.003", Assert.Single(detail.GetProperty("techniques").EnumerateArray()).GetString());
        Assert.Contains("action: RULES-MARKER", detail.GetProperty("yaml").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await rules.Analyst.GetAsync("/api/v1/rules/no-such-rule")).StatusCode);
    }

    [Fact]
    public async Task Load_errors_name_the_pack_file_place_and_reason_and_are_counted_in_the_pack()
    {
        await using var rules = await RulesHost.StartAsync();

        var answer = await GetJsonAsync(rules.Analyst, "/api/v1/rules/errors");

        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(("practice-rules", "broken.yml", "bad-condition"), (error.GetProperty("pack").GetString(), error.GetProperty("file").GetString(), error.GetProperty("kind").GetString()));
        Assert.Contains("line", error.GetProperty("location").GetString(), StringComparison.Ordinal);
        var pack = Assert.Single(answer.GetProperty("packs").EnumerateArray());
        Assert.Equal((2, 0, 1), (pack.GetProperty("loaded").GetInt32(), pack.GetProperty("disabled").GetInt32(), pack.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task Disabling_a_rule_is_stored_audited_and_handed_to_live_detection_and_a_new_catalog_reads_it_back()
    {
        await using var rules = await RulesHost.StartAsync();

        var disabled = await rules.Analyst.PostAsJsonAsync($"/api/v1/rules/{RulesHost.MarkerId}/disable", new { reason = "noisy" });

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Contains(RulesHost.MarkerId, rules.Monitoring.Rules.Disabled);
        var state = Assert.Single(await rules.Host.Store.Rules.StatesAsync(CancellationToken.None));
        var audit = await rules.Host.Store.Audit.ListAsync(new AuditQuery(Action: "rule-changed"), CancellationToken.None);
        Assert.Equal(($"rule:{RulesHost.MarkerId}", "disabled"), (audit[0].Target, audit[0].Detail));
        Assert.StartsWith("token:", audit[0].Actor, StringComparison.Ordinal);
        Assert.Equal((false, audit[0].Actor, "noisy"), (state.Enabled, state.ChangedBy, state.Reason));

        var live = new Monitoring.Live.LiveRules();
        var restarted = RuleCatalog.Load([rules.Catalog.Packs()[0].Path], null, new(), live, new Diagnostics.ProblemLog(static _ => { })).Catalog;
        await restarted.InitializeAsync(rules.Host.Store, CancellationToken.None);
        Assert.Contains(RulesHost.MarkerId, live.Disabled);
        Assert.False(restarted.Get(RulesHost.MarkerId)!.Enabled);

        Assert.Equal(HttpStatusCode.OK, (await rules.Analyst.PostAsync($"/api/v1/rules/{RulesHost.MarkerId}/enable", null)).StatusCode);
        Assert.Empty(rules.Monitoring.Rules.Disabled);
        Assert.Equal(HttpStatusCode.NotFound, (await rules.Analyst.PostAsync("/api/v1/rules/no-such-rule/disable", null)).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_rule_is_tested_on_recent_events_stored_enabled_run_live_and_deleted()
    {
        await using var rules = await RulesHost.StartAsync();
        await rules.IngestAsync("login", "UPLOAD-MARKER", "logout", "UPLOAD-MARKER");
        var yaml = RulesHost.Rule(Uploaded, "Uploaded marker", "UPLOAD-MARKER", "medium", "experimental");

        var test = await GetJsonAsync(await rules.Analyst.PostAsync("/api/v1/rules/test", new StringContent(yaml, Encoding.UTF8, "application/yaml")));
        Assert.Equal((4L, 2L), (test.GetProperty("scanned").GetInt64(), test.GetProperty("matched").GetInt64()));
        Assert.Equal("user1", test.GetProperty("events")[0].GetProperty("fields").EnumerateArray().First(static f => f[0].GetString() == "user")[1].GetString());
        Assert.Null(rules.Monitoring.Rules.Uploaded);

        var created = await rules.Analyst.PostAsJsonAsync("/api/v1/rules", new { yaml, enable = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(rules.Monitoring.Rules.Uploaded);
        Assert.True(rules.Monitoring.Rules.Uploaded!.IsLoaded(Uploaded));
        var listed = await GetJsonAsync(rules.Analyst, "/api/v1/rules?pack=uploaded");
        Assert.True(listed.GetProperty("rules")[0].GetProperty("uploaded").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await rules.Analyst.PostAsJsonAsync("/api/v1/rules", new { yaml })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rules.Analyst.PostAsJsonAsync("/api/v1/rules", new { yaml = RulesHost.Rule(RulesHost.MarkerId, "Clash", "x", "low", "test") })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await rules.Analyst.PostAsync($"/api/v1/rules/{Uploaded}/disable", null)).StatusCode);
        Assert.Null(rules.Monitoring.Rules.Uploaded);
        Assert.Equal(HttpStatusCode.Conflict, (await rules.Analyst.DeleteAsync($"/api/v1/rules/{RulesHost.MarkerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await rules.Analyst.DeleteAsync($"/api/v1/rules/{Uploaded}")).StatusCode);
        Assert.Empty(await rules.Host.Store.Rules.CustomRulesAsync(CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await rules.Analyst.DeleteAsync($"/api/v1/rules/{Uploaded}")).StatusCode);
    }

    [Theory]
    [InlineData("title: x\ndetection: [unclosed\n", "bad-yaml")]
    [InlineData("title: x\nlogsource:\n  product: a\ndetection:\n  sel:\n    a: 1\n  condition: sel or\n", "bad-condition")]
    [InlineData("title: only a title\n", "bad-rule")]
    [InlineData("", "empty")]
    public async Task A_bad_rule_is_refused_with_its_place_and_reason_and_nothing_is_stored(string yaml, string kind)
    {
        await using var rules = await RulesHost.StartAsync();

        foreach (var path in new[] { "/api/v1/rules", "/api/v1/rules/test" })
        {
            var answer = await rules.Analyst.PostAsJsonAsync(path, new { yaml, enable = true });
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await GetJsonAsync(answer);
            Assert.Equal(kind, problem.GetProperty("errors")[0].GetProperty("kind").GetString());
        }

        Assert.Empty(await rules.Host.Store.Rules.CustomRulesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_oversize_upload_is_413_as_yaml_or_json_and_a_bad_json_body_is_400()
    {
        await using var rules = await RulesHost.StartAsync();
        var big = RulesHost.Rule(Uploaded, "Big", "x", "low", "test") + "\n# " + new string('x', RuleCatalog.MaxYamlBytes);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await rules.Analyst.PostAsync("/api/v1/rules", new StringContent(big, Encoding.UTF8, "application/yaml"))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await rules.Analyst.PostAsJsonAsync("/api/v1/rules/test", new { yaml = big })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rules.Analyst.PostAsync("/api/v1/rules", new StringContent("{yaml", Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task Viewers_privacy_officers_and_read_tokens_are_refused_and_the_routes_are_in_openapi()
    {
        await using var rules = await RulesHost.StartAsync();
        var (_, read) = await rules.Host.Store.Tokens.CreateAsync("dash", [Scopes.Read], rules.Host.Time.GetUtcNow(), CancellationToken.None);
        using var token = rules.Host.Client();
        token.DefaultRequestHeaders.Authorization = new("Bearer", read);
        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/rules")).StatusCode);

        await rules.Host.AddUserAsync("vic", Roles.Viewer);
        var secret = TotpCodes.NewSecret();
        await rules.Host.AddUserAsync("dpo", Roles.PrivacyOfficer, secret);
        foreach (var (name, code) in new[] { ("vic", (string?)null), ("dpo", TotpCodes.Compute(secret, rules.Host.Time.GetUtcNow())) })
        {
            using var person = rules.Host.Client();
            Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(person, name, code: code)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/rules")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await person.PostAsync($"/api/v1/rules/{RulesHost.MarkerId}/disable", null)).StatusCode);
            Assert.Equal("/denied", (await person.GetAsync("/rules")).Headers.Location?.AbsolutePath);
        }

        Assert.Empty(rules.Monitoring.Rules.Disabled);
        await OpenApiRoutes.AssertListedAsync(rules.Analyst, "/api/v1/rules", "/api/v1/rules/{id}", "/api/v1/rules/{id}/enable", "/api/v1/rules/{id}/disable", "/api/v1/rules/test", "/api/v1/rules/errors");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(path);
        Assert.True(answer.IsSuccessStatusCode, $"GET {path}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return await GetJsonAsync(answer);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpResponseMessage answer)
        => JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone();
}

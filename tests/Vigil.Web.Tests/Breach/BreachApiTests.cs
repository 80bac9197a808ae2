using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;
using Vigil.Web.Tests.Discovery;

namespace Vigil.Web.Tests.Breach;

/// <summary>The evidence, breach, documents and register API over the real web app: who may do what, and what each call does.</summary>
public sealed class BreachApiTests : IAsyncLifetime
{
    private const long Limit = 256 * 1024;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-breach-api-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, HttpClient> _clients = [];
    private AccessHost _host = null!;
    private long _incident;

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync(static o => o.Breach.MaxEvidenceBytes = Limit);
        var now = _host.Time.GetUtcNow();
        foreach (var (name, client) in await _host.SignedInClientsAsync(("ada", Roles.Admin, true), ("dpo", Roles.PrivacyOfficer, true), ("ana", Roles.Analyst, false), ("vic", Roles.Viewer, false)))
        {
            _clients[name] = client;
        }

        _incident = (await _host.Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", now.AddHours(-1), ["uk-gdpr", "gg-dpl"]), "alice", CancellationToken.None)).Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("vic", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("ada", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("ana", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("dpo", HttpStatusCode.OK, HttpStatusCode.Conflict)]
    public async Task Viewers_and_admins_are_refused_and_analysts_read_but_cannot_decide_or_generate_letters(string user, HttpStatusCode read, HttpStatusCode generate)
    {
        var client = _clients[user];
        foreach (var path in new[] { "evidence", "evidence/custody", "breach" })
        {
            Assert.True(read == (await client.GetAsync($"/api/v1/incidents/{_incident}/{path}")).StatusCode, $"{user} {path}");
        }

        Assert.Equal(read, (await client.GetAsync("/api/v1/breach-register")).StatusCode);
        Assert.Equal(generate, (await client.GetAsync($"/api/v1/incidents/{_incident}/documents/letters?format=pdf")).StatusCode);
        Assert.Equal(generate, (await client.GetAsync($"/api/v1/incidents/{_incident}/documents/regulator?phase=initial")).StatusCode);
        var decide = await client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/decision", new { regulator = true, individuals = true, reason = "health data" });
        Assert.Equal(generate, decide.StatusCode);
        var page = await client.GetAsync($"/incidents/{_incident}/breach");
        Assert.True(page.StatusCode == (read == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Redirect), $"{user} page {page.StatusCode}");
    }

    [Fact]
    public async Task Evidence_is_uploaded_streamed_listed_with_its_hash_downloaded_transferred_and_verified_with_custody_and_audit()
    {
        var client = _clients["ana"];
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        var item = await UploadAsync(client, bytes, "logs.bin");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), item.GetProperty("sha256").GetString());
        var id = item.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/incidents/{_incident}/evidence/{id}/content")).StatusCode);
        Assert.Equal(bytes, await _clients["dpo"].GetByteArrayAsync($"/api/v1/incidents/{_incident}/evidence/{id}/content"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/evidence/{id}/transfers", new { recipient = "Police (DC Jones)" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/incidents/{_incident}/evidence/{id}/transfers", new { recipient = "" })).StatusCode);
        var verify = await (await client.PostAsync($"/api/v1/incidents/{_incident}/evidence/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verify.GetProperty("intact").GetBoolean());
        Assert.Equal(_incident, verify.GetProperty("incidentId").GetInt64());
        Assert.Equal((await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{_incident}/evidence")).GetArrayLength(), verify.GetProperty("filesChecked").GetInt32());

        var custody = await client.GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{_incident}/evidence/custody");
        Assert.Equal(["intake:user:ana", "export:user:dpo", "transfer:user:ana"], custody.EnumerateArray().Select(static c => $"{c.GetProperty("action").GetString()}:{c.GetProperty("actor").GetString()}"));
        var actions = (await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 50), CancellationToken.None)).Select(static e => e.Action).ToList();
        Assert.Contains(BreachAudit.EvidenceAdded, actions);
        Assert.Contains(BreachAudit.EvidenceExported, actions);
        Assert.Contains(BreachAudit.EvidenceVerified, actions);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_413_and_leaves_nothing_behind()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(new byte[Limit + 1]), "file", "big.bin" } };
        var answer = await _clients["ana"].PostAsync($"/api/v1/incidents/{_incident}/evidence", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Empty(await _host.Store.Evidence.ListAsync(_incident, CancellationToken.None));
        var folder = Path.Combine(_host.DataDirectory, "evidence");
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task A_privacy_officer_scopes_from_the_mailbox_decides_marks_the_ico_notified_and_generates_letters_audited_by_count()
    {
        var dpo = _clients["dpo"];
        var mailbox = await File.ReadAllBytesAsync(PlantedMailbox.Write(_folder));
        var evidence = (await UploadAsync(_clients["ana"], mailbox, "export.mbox")).GetProperty("id").GetInt64();

        var scoped = await dpo.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/scope", new { evidenceId = evidence });
        Assert.Equal(HttpStatusCode.OK, scoped.StatusCode);
        var scope = (await scoped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assessment").GetProperty("scope");
        Assert.Equal((1, 1), (scope.GetProperty("people").GetInt32(), scope.GetProperty("peopleWithHealth").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await dpo.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/risk", new { likelihood = 4, severity = 4, reasoning = "diabetes diagnosis with contact details" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dpo.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/decision", new { regulator = true, individuals = true, reason = "health data exposed" })).StatusCode);
        var sent = await dpo.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/notifications", new { jurisdiction = "uk-gdpr", deadline = "regulator", reference = "ICO-2026-42" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await dpo.PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/notifications", new { jurisdiction = "uk-gdpr", deadline = "hhs" })).StatusCode);

        var breach = await _clients["ana"].GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{_incident}/breach");
        var clocks = breach.GetProperty("clocks").EnumerateArray().ToDictionary(static c => c.GetProperty("key").GetString()!, static c => c.GetProperty("state").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["uk-gdpr:regulator"] = "met", ["gg-dpl:regulator"] = "running" }, clocks);
        Assert.Equal(4, breach.GetProperty("assessment").GetProperty("risk").GetProperty("likelihood").GetInt32());

        using var zip = new ZipArchive(await dpo.GetStreamAsync($"/api/v1/incidents/{_incident}/documents/letters?format=pdf"));
        Assert.Single(zip.Entries, static e => e.Name.StartsWith("letter-S", StringComparison.Ordinal) && e.Name.EndsWith(".pdf", StringComparison.Ordinal));
        var csv = await dpo.GetStringAsync($"/api/v1/incidents/{_incident}/documents/letters?format=csv");
        Assert.Contains("07700 900123", csv, StringComparison.Ordinal);
        var draft = await dpo.GetStringAsync($"/api/v1/incidents/{_incident}/documents/regulator?phase=final&jurisdiction=gg-dpl");
        Assert.Contains("ODPA", draft, StringComparison.Ordinal);
        Assert.Equal("application/pdf", (await dpo.GetAsync($"/api/v1/incidents/{_incident}/documents/regulator?format=pdf")).Content.Headers.ContentType?.MediaType);

        var audit = await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 100), CancellationToken.None);
        var letters = audit.Where(static e => e.Action == BreachAudit.LettersGenerated).Select(static e => e.Detail).ToList();
        Assert.Equal(["format csv, 1 letters", "format pdf, 1 letters"], letters);
        Assert.All(audit, static e => Assert.DoesNotContain("900123", e.Detail ?? "", StringComparison.Ordinal));
        Assert.Contains(audit, static e => e.Action == BreachAudit.NotificationSent && e.Detail == "uk-gdpr:regulator initial");
        var register = await _clients["ana"].GetStringAsync("/api/v1/breach-register?format=csv");
        Assert.Contains("ICO-2026-42", register, StringComparison.Ordinal);
        Assert.DoesNotContain("900123", register, StringComparison.Ordinal);
    }

    [Fact]
    public Task The_openapi_document_lists_the_evidence_breach_documents_and_register_routes()
        => OpenApiRoutes.AssertListedAsync(_clients["ana"], "/api/v1/incidents/{id}/evidence", "/api/v1/incidents/{id}/breach/notifications", "/api/v1/incidents/{id}/breach/facts", "/api/v1/incidents/{id}/documents/letters", "/api/v1/breach-register");

    private async Task<JsonElement> UploadAsync(HttpClient client, byte[] bytes, string name)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
        var answer = await client.PostAsync($"/api/v1/incidents/{_incident}/evidence", content);
        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }
}

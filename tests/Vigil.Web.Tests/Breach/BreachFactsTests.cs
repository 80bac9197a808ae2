using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Response.Breach;
using Vigil.Response.Incidents;
using Vigil.Storage.Breach;
using Vigil.Web.Access;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;
using Vigil.Web.Tests.Discovery;

namespace Vigil.Web.Tests.Breach;

/// <summary>The breach facts form on <c>/incidents/{id}/breach</c> and <c>PUT /api/v1/incidents/{id}/breach/facts</c>: privacy officers only, checked, the breach assessed again.</summary>
public sealed class BreachFactsTests : IAsyncLifetime
{
    private Dictionary<string, HttpClient> _clients = [];
    private AccessHost _host = null!;
    private long _incident;

    private string Facts => $"/api/v1/incidents/{_incident}/breach/facts";

    private string Page => $"/incidents/{_incident}/breach";

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        _clients = await _host.SignedInClientsAsync(("ada", Roles.Admin, true), ("dpo", Roles.PrivacyOfficer, true), ("ana", Roles.Analyst, false), ("vic", Roles.Viewer, false));
        _incident = (await _host.Store.Incidents.CreateAsync(new NewIncident("Mailbox compromise", "high", _host.Time.GetUtcNow().AddHours(-1), ["uk-gdpr"]), "alice", CancellationToken.None)).Id;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _clients.Values.ToList().ForEach(static c => c.Dispose());
    }

    [Fact]
    public async Task Facts_cannot_be_recorded_before_scoping_and_only_privacy_officers_may_record_them()
    {
        var body = new { phishingObserved = true };
        Assert.Equal(HttpStatusCode.Conflict, (await _clients["dpo"].PutAsJsonAsync(Facts, body)).StatusCode);
        await ScopeAsync();
        foreach (var user in new[] { "vic", "ana", "ada" })
        {
            Assert.True((await _clients[user].PutAsJsonAsync(Facts, body)).StatusCode == HttpStatusCode.Forbidden, user);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await AccessHost.PostFormAsync(_clients["ana"], Page, Page + "?handler=Facts", ("description", "x"), ("nature", "integrity"))).StatusCode);
        var viewer = await _clients["vic"].PostAsync(Page + "?handler=Facts", new FormUrlEncodedContent([new("description", "x")]));
        Assert.NotEqual(HttpStatusCode.OK, viewer.StatusCode);
        Assert.DoesNotContain(await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 100), CancellationToken.None), static e => e.Action == BreachAudit.FactsChanged);
    }

    [Fact]
    public async Task The_api_round_trips_the_facts_and_the_phishing_flag_raises_the_risk_and_makes_telling_the_people_required()
    {
        await ScopeAsync();
        var dpo = _clients["dpo"];
        var encrypted = await dpo.PutAsJsonAsync(Facts, new { encrypted = true, cyber = true, description = "Laptop stolen from a car.", measuresTaken = new[] { "Remote wipe" } });
        Assert.Equal(HttpStatusCode.OK, encrypted.StatusCode);
        var before = await encrypted.Content.ReadFromJsonAsync<JsonElement>();

        var phished = await dpo.PutAsJsonAsync(Facts, new
        {
            nature = "confidentiality",
            description = "Reception mailbox password guessed; messages forwarded to a look-alike domain.",
            occurredAt = _host.Time.GetUtcNow().AddDays(-2),
            containedAt = _host.Time.GetUtcNow().AddMinutes(-30),
            phishingObserved = true,
            vulnerableGroups = true,
            measuresTaken = new[] { "Password reset", "Forwarding rule removed" },
            measuresProposed = new[] { "Multi-factor sign-in for all staff" },
            contactPoint = "Dr A. Privacy, dpo@practice.example, 01481 000000",
            delayReason = "Awaiting the mailbox export",
        });
        Assert.Equal(HttpStatusCode.OK, phished.StatusCode);

        var breach = await _clients["ana"].GetFromJsonAsync<JsonElement>($"/api/v1/incidents/{_incident}/breach");
        var assessment = breach.GetProperty("assessment");
        Assert.Equal((RiskLevel.Risk, false), (Level(before), IndividualsRequired(before)));
        Assert.Equal((RiskLevel.High, true, 5), (Level(assessment), IndividualsRequired(assessment), assessment.GetProperty("risk").GetProperty("likelihood").GetInt32()));
        var facts = assessment.GetProperty("facts");
        Assert.Equal("Reception mailbox password guessed; messages forwarded to a look-alike domain.", facts.GetProperty("description").GetString());
        Assert.Equal(["Password reset", "Forwarding rule removed"], facts.GetProperty("measuresTaken").EnumerateArray().Select(static m => m.GetString()));
        Assert.Equal("Awaiting the mailbox export", facts.GetProperty("delayReason").GetString());
        Assert.True(facts.GetProperty("vulnerableGroups").GetBoolean());

        var audit = (await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 100), CancellationToken.None)).Where(static e => e.Action == BreachAudit.FactsChanged).Select(static e => e.Detail).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Contains("changed: description, occurredAt, containedAt, encrypted, phishingObserved, vulnerableGroups, measuresTaken, measuresProposed, contactPoint, delayReason; risk High", audit);
        Assert.All(audit, static d => Assert.DoesNotContain("look-alike", d, StringComparison.Ordinal));
        var timeline = await _host.Store.Incidents.ListTimelineAsync(_incident, CancellationToken.None);
        Assert.Contains(timeline, static t => t.Text.StartsWith("Breach facts changed and the breach assessed again by user:dpo", StringComparison.Ordinal) && t.Text.EndsWith("risk High", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_facts_are_refused_with_problem_details_naming_each_field()
    {
        await ScopeAsync();
        var answer = await _clients["dpo"].PutAsJsonAsync(Facts, new
        {
            nature = "stolen",
            description = " ",
            occurredAt = _host.Time.GetUtcNow().AddDays(-1),
            containedAt = _host.Time.GetUtcNow().AddDays(-3),
            caseReference = new string('x', 201),
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["caseReference", "containedAt", "description", "nature"], errors.EnumerateObject().Select(static e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("When it was contained: cannot be before the breach happened.", errors.GetProperty("containedAt")[0].GetString());
        Assert.DoesNotContain(await _host.Store.Audit.ListAsync(new Storage.Audit.AuditQuery(Limit: 100), CancellationToken.None), static e => e.Action == BreachAudit.FactsChanged);
    }

    [Fact]
    public async Task The_form_round_trips_the_facts_and_names_wrong_fields_keeping_what_was_typed()
    {
        await ScopeAsync();
        var dpo = _clients["dpo"];
        var page = await dpo.GetStringAsync(Page);
        Assert.Contains("id=\"facts-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"facts-form\"", await _clients["ana"].GetStringAsync(Page), StringComparison.Ordinal);

        var saved = await AccessHost.PostFormAsync(dpo, Page, Page + "?handler=Facts",
            ("nature", "confidentiality"), ("nature", "availability"), ("description", "Ransomware encrypted the appointment server."),
            ("occurredAt", "2026-02-28T22:15"), ("containedAt", "2026-03-01T06:00"), ("discoveredHow", "Staff could not open the diary."),
            ("cyber", "true"), ("phishingObserved", "true"), ("measuresTaken", "Server isolated\r\nRestored from backup\r\n"),
            ("organisation", "Harbour Surgery"), ("contactPoint", "DPO, dpo@harbour.example"));
        var html = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.True(html.Contains("Facts saved and the breach assessed again: risk High.", StringComparison.Ordinal), Notice(html));

        var facts = (await BreachDocuments.ReadAsync(_host.Store.Incidents, _incident, "test", CancellationToken.None))!.Facts;
        Assert.Equal(("confidentiality, availability", "Ransomware encrypted the appointment server.", true, false), (facts.Nature, facts.Description, facts.PhishingObserved, facts.Encrypted));
        Assert.Equal(["Server isolated", "Restored from backup"], facts.MeasuresTaken);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 22, 15, 0, TimeSpan.Zero), facts.OccurredAt);
        var again = await dpo.GetStringAsync(Page);
        Assert.Contains("value=\"2026-02-28T22:15\"", again, StringComparison.Ordinal);
        Assert.Contains("Server isolated\nRestored from backup</textarea>", WebUtility.HtmlDecode(again), StringComparison.Ordinal);

        var wrong = await AccessHost.PostFormAsync(dpo, Page, Page + "?handler=Facts", ("description", "Typed but not saved"), ("occurredAt", "last Tuesday"), ("organisation", "Harbour Surgery"), ("contactPoint", "DPO"));
        var problems = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("The facts were not saved", problems, StringComparison.Ordinal);
        Assert.Contains("Nature of the breach: choose one or more of confidentiality, integrity and availability.", problems, StringComparison.Ordinal);
        Assert.Contains("When the breach happened: not a date and time", problems, StringComparison.Ordinal);
        Assert.Contains("How it was discovered: needed.", problems, StringComparison.Ordinal);
        Assert.Contains(">Typed but not saved</textarea>", WebUtility.HtmlDecode(problems), StringComparison.Ordinal);
        Assert.Equal("Ransomware encrypted the appointment server.", (await BreachDocuments.ReadAsync(_host.Store.Incidents, _incident, "test", CancellationToken.None))!.Facts.Description);
    }

    /// <summary>The page's message or error, for a failing assertion.</summary>
    private static string Notice(string html)
        => string.Join(" ", System.Text.RegularExpressions.Regex.Matches(html, "id=\"(message|error|fact-[a-zA-Z]+-error)\">([^<]*)<").Select(static m => m.Groups[2].Value));

    private static RiskLevel Level(JsonElement assessment) => (RiskLevel)assessment.GetProperty("risk").GetProperty("level").GetInt32();

    private static bool IndividualsRequired(JsonElement assessment) => assessment.GetProperty("rulings")[0].GetProperty("individualsRequired").GetBoolean();

    private async Task ScopeAsync()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(PlantedMailbox.Write(Path.Combine(_host.DataDirectory, "input")))), "file", "export.mbox" } };
        var evidence = await (await _clients["ana"].PostAsync($"/api/v1/incidents/{_incident}/evidence", content)).Content.ReadFromJsonAsync<JsonElement>();
        var scoped = await _clients["dpo"].PostAsJsonAsync($"/api/v1/incidents/{_incident}/breach/scope", new { evidenceId = evidence.GetProperty("id").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, scoped.StatusCode);
    }
}

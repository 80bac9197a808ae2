using System.Net;
using System.Text.Json;
using Vigil.Response.Incidents;
using Vigil.Storage.Discovery;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Matching;
using Vigil.Web.Auth;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Overview;

/// <summary>The Overview's vulnerability, PHI exposure and incident parts, on the page and in <c>GET /api/v1/overview</c>.</summary>
public sealed class OverviewPageTests : IAsyncLifetime
{
    private const string PatientName = "Jane Smithson";
    private AccessHost _host = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _host = await AccessHost.StartAsync();
        var now = _host.Time.GetUtcNow();
        var ct = CancellationToken.None;
        StoredFinding Row(string asset, string advisory, double priority, DateOnly due) => new(
            null, $"{asset}|{advisory}", asset, advisory, now.AddDays(-40), now, due, null, null,
            VulnJson.Write(new Finding(asset, "openssl", "1.0", "npm", advisory, [], "1.1", 7.5, "high", priority > 800, null, false, 0.4, 0.9, priority, "osv", null, false)));
        await _host.Store.Vulnerabilities.RecordScanAsync(
            new ScanRun(0, now, now, 3, 7, 7, 0, 0),
            [.. Enumerable.Range(1, 6).Select(i => Row($"host-{i}", $"GHSA-{i:0000}", i * 150, new DateOnly(2026, 2, 20).AddDays(i * 3))), Row("ehr-db", "GHSA-top", 2000, new DateOnly(2026, 2, 1))],
            [],
            ct);

        var scan = await _host.Store.PhiScans.StartAsync("/exports/reception.mbox", "user:dpo", now.AddHours(-2), ct);
        var item = new PhiItemResult(
            new PhiItemRecord(0, 1, "reception.mbox#1", "/exports/reception.mbox", "message", 9, 1, 0, 1, ["UK_NHS", "ICD10"]),
            [new PhiFindingRecord("UK_NHS", "identity", "body", "*** *** 5919", 4, 12, 0.95), new PhiFindingRecord("ICD10", "health", "body", "E**.*", 30, 5, 0.8)]);
        var subject = new PhiSubjectRecord(1, "S00001", false, PatientName, ["identity", "health"], new Dictionary<string, long> { ["UK_NHS"] = 1 }, [new("UK_NHS", "*** *** 5919")], [1]);
        await _host.Store.PhiScans.CompleteAsync(scan, new PhiScanResult(PhiScanStatus.Completed, now.AddHours(-1), 40, 0,
            new Dictionary<string, long> { ["UK_NHS"] = 2, ["ICD10"] = 3, ["EMAIL"] = 4 }, [item], [subject]), ct);
        await _host.Store.PhiScans.StartAsync("/exports/running.mbox", "user:dpo", now, ct);

        foreach (var (title, status) in new[] { ("Phishing at reception", IncidentStatus.New), ("Lost laptop", IncidentStatus.Investigating), ("Old", IncidentStatus.Closed) })
        {
            var incident = await _host.Store.Incidents.CreateAsync(new NewIncident(title, "high", now, ["uk"]), "user:ana", ct);
            if (status != IncidentStatus.New)
            {
                await _host.Store.Incidents.UpdateStatusAsync(incident.Id, status, "user:ana", ct);
            }
        }

        await _host.AddUserAsync("vic", Roles.Viewer);
        _viewer = _host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AccessHost.SignInAsync(_viewer, "vic")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _viewer.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_viewer_sees_overdue_findings_the_riskiest_five_phi_counts_and_open_incidents()
    {
        var html = await _viewer.GetStringAsync("/");

        Assert.Contains("3 overdue</a> of <a href=\"/vulnerabilities\">7 open findings</a>", html, StringComparison.Ordinal);
        var riskiest = new[] { "GHSA-top", "GHSA-0006", "GHSA-0005", "GHSA-0004", "GHSA-0003" }.Select(a => html.IndexOf(a, StringComparison.Ordinal)).ToList();
        Assert.All(riskiest, static i => Assert.True(i > 0));
        Assert.Equal(riskiest.Order(), riskiest);
        Assert.DoesNotContain("GHSA-0002", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/vulnerabilities?asset=ehr-db\"", html, StringComparison.Ordinal);
        Assert.Contains("1 of 40 items</a> with patient data, 1 subjects", html, StringComparison.Ordinal);
        Assert.Contains("Findings by category in scan 1, 9 in all", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/discovery\"", html, StringComparison.Ordinal);
        Assert.Contains("2 open</p>", html, StringComparison.Ordinal);
        Assert.Contains("Open incidents by status, 2 in all", html, StringComparison.Ordinal);
        foreach (var secret in new[] { PatientName, "5919", "reception.mbox", "Phishing at reception", "Lost laptop" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_api_answers_the_same_counts_and_nothing_that_names_a_patient()
    {
        var json = await _viewer.GetStringAsync("/api/v1/overview");
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        var vulns = root.GetProperty("vulnerabilities");
        Assert.Equal((7, 3), (vulns.GetProperty("open").GetInt64(), vulns.GetProperty("overdue").GetInt64()));
        Assert.Equal("GHSA-top", vulns.GetProperty("riskiest")[0].GetProperty("advisory").GetString());
        Assert.True(vulns.GetProperty("riskiest")[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(5, vulns.GetProperty("riskiest").GetArrayLength());
        var scan = Assert.Single(root.GetProperty("phiScans").EnumerateArray());
        Assert.Equal((40, 1, 1), (scan.GetProperty("items").GetInt64(), scan.GetProperty("itemsWithPhi").GetInt64(), scan.GetProperty("subjects").GetInt64()));
        Assert.Equal(3, scan.GetProperty("byCategory").GetProperty("health").GetInt64());
        Assert.Equal((2, 4), (scan.GetProperty("byCategory").GetProperty("identity").GetInt64(), scan.GetProperty("byCategory").GetProperty("contact").GetInt64()));
        var incidents = root.GetProperty("incidents").GetProperty("byStatus");
        Assert.Equal((1, 1, 0), (incidents.GetProperty("new").GetInt32(), incidents.GetProperty("investigating").GetInt32(), incidents.GetProperty("contained").GetInt32()));
        Assert.False(incidents.TryGetProperty("closed", out _));
        foreach (var secret in new[] { PatientName, "5919", "reception.mbox", "Phishing" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }
}

using System.Net;
using Vigil.Storage.Audit;
using Vigil.Storage.Discovery;
using Vigil.Web.Tests.Access;

namespace Vigil.Web.Tests.Discovery;

/// <summary>The Data discovery pages over the real app: a scan on the server, masked results, reveals by role, audit.</summary>
public sealed class DiscoveryPageTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private readonly DiscoveryHostScan _app = fixture.App;

    [Fact]
    public async Task A_scan_of_the_planted_mailbox_stores_masked_findings_and_a_subject_but_never_the_value()
    {
        var scan = await _app.WaitAsync(_app.ScanId);
        Assert.Equal(PhiScanStatus.Completed, scan.Status);
        Assert.Equal(3, scan.Items);
        Assert.True(scan.ByType.ContainsKey("UK_NHS"), string.Join(", ", scan.ByType.Keys));
        var items = await _app.Host.Store.PhiScans.ItemsAsync(_app.ScanId, null, 50, CancellationToken.None);
        var referral = Assert.Single(items, static i => i.Types.Contains("UK_NHS"));
        var findings = await _app.Host.Store.PhiScans.FindingsAsync(_app.ScanId, referral.Seq, CancellationToken.None);
        Assert.Contains(findings, static f => f.Type == "UK_NHS" && f.Masked == PlantedMailbox.MaskedNhsNumber);
        Assert.DoesNotContain(findings, static f => f.Masked.Contains("4765919", StringComparison.Ordinal) || f.Masked.Contains(PlantedMailbox.NhsNumber, StringComparison.Ordinal));
        var subjects = await _app.Host.Store.PhiScans.SubjectsAsync(_app.ScanId, 0, 50, CancellationToken.None);
        Assert.Contains(subjects, static s => !s.Correspondent && s.Identifiers.Any(static i => i.Value == PlantedMailbox.MaskedNhsNumber));
        Assert.True(subjects.Any(static s => !s.Correspondent), "the patient is a subject");
        Assert.True(subjects[0].Categories.Contains("health") || subjects.All(static s => !s.Categories.Contains("health")), "patients with health data come first");
    }

    [Theory]
    [InlineData("vic")]
    [InlineData("ada")]
    [InlineData("ana")]
    [InlineData("dpo")]
    public async Task Every_role_that_reads_sees_the_scan_masked_and_the_value_never_appears(string user)
    {
        var client = _app.Clients[user];
        var scanPage = await client.GetStringAsync($"/discovery/{_app.ScanId}");
        Assert.Contains(PlantedMailbox.MaskedNhsNumber, scanPage, StringComparison.Ordinal);
        var itemPage = await client.GetStringAsync($"/discovery/{_app.ScanId}/items/{await ReferralSeqAsync()}");
        Assert.Contains(PlantedMailbox.MaskedNhsNumber, itemPage, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, scanPage + itemPage, StringComparison.Ordinal);
        Assert.Equal(user == "dpo", itemPage.Contains("Reveal values", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_privacy_officer_reveals_an_item_and_the_reveal_is_audited_without_the_value()
    {
        var seq = await ReferralSeqAsync();
        var client = _app.Clients["dpo"];
        var page = $"/discovery/{_app.ScanId}/items/{seq}";
        var answer = await AccessHost.PostFormAsync(client, page, page + "?handler=Reveal");
        var html = await answer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(PlantedMailbox.NhsNumber, html, StringComparison.Ordinal);
        Assert.Contains(PlantedMailbox.Phone, html, StringComparison.Ordinal);

        var audit = await _app.Host.Store.Audit.ListAsync(new AuditQuery(Action: AuditActions.PhiRevealed), CancellationToken.None);
        var entry = Assert.Single(audit, e => e.Actor == "user:dpo" && e.Detail?.Contains("values shown", StringComparison.Ordinal) == true && e.Id == audit.Max(static a => a.Id));
        Assert.Equal("user:dpo", entry.Actor);
        Assert.Equal($"phi-scan:{_app.ScanId}/item:{seq}", entry.Target);
        Assert.DoesNotContain("5919", entry.Detail ?? "", StringComparison.Ordinal);
        Assert.Contains($"phi-scan:{_app.ScanId}/item:{seq}", await client.GetStringAsync($"/discovery/{_app.ScanId}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vic")]
    [InlineData("ada")]
    [InlineData("ana")]
    public async Task Anyone_but_a_privacy_officer_is_refused_a_reveal_and_the_attempt_is_audited(string user)
    {
        var seq = await ReferralSeqAsync();
        var page = $"/discovery/{_app.ScanId}/items/{seq}";
        var answer = await AccessHost.PostFormAsync(_app.Clients[user], page, page + "?handler=Reveal");
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.DoesNotContain(PlantedMailbox.NhsNumber, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var denied = await _app.Host.Store.Audit.ListAsync(new AuditQuery(Action: "phi-reveal-denied"), CancellationToken.None);
        Assert.Contains(denied, e => e.Actor == $"user:{user}" && e.Target == $"phi-scan:{_app.ScanId}/item:{seq}");
        Assert.DoesNotContain(await _app.Host.Store.Audit.ListAsync(new AuditQuery(Action: AuditActions.PhiRevealed), CancellationToken.None), e => e.Actor == $"user:{user}");
    }

    [Theory]
    [InlineData("vic")]
    [InlineData("ada")]
    [InlineData("ana")]
    public async Task Only_a_privacy_officer_may_start_a_scan(string user)
    {
        var answer = await AccessHost.PostFormAsync(_app.Clients[user], "/discovery", "/discovery?handler=Scan", ("path", "exports"));
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.DoesNotContain("Start scan", await _app.Clients[user].GetStringAsync("/discovery"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc", "'..' is not allowed")]
    [InlineData("exports/../../x", "'..' is not allowed")]
    [InlineData("/etc/passwd", "not under an allowed folder")]
    [InlineData("missing.mbox", "no such file or folder")]
    [InlineData("", "give a file or folder")]
    public async Task A_path_outside_the_allowed_folders_is_refused(string path, string reason)
    {
        var answer = await AccessHost.PostFormAsync(_app.Clients["dpo"], "/discovery", "/discovery?handler=Scan", ("path", path));
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private async Task<long> ReferralSeqAsync()
        => (await _app.Host.Store.PhiScans.ItemsAsync(_app.ScanId, null, 50, CancellationToken.None)).Single(static i => i.Types.Contains("UK_NHS")).Seq;
}

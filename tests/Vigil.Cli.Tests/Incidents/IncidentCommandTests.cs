using System.Text.Json;

namespace Vigil.Cli.Tests.Incidents;

public sealed class IncidentCommandTests
{
    [Fact]
    public void An_incident_is_opened_with_a_playbook_worked_and_its_evidence_verified_then_tampering_is_named()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var file = folder.File("mailbox.mbox", "From: someone\n\nhello\n");

        var open = VigilProcess.Run("incidents", "open", "--title", "Mailbox compromise", "--severity", "high", "--playbook", "Compromised mailbox", "--jurisdiction", "uk-gdpr", "--jurisdiction", "us-hipaa", "--aware-at", "2h", "--data-dir", data, "--as", "alice");
        Assert.True(open.Exit == 0, open.Stderr);
        Assert.StartsWith("INC-", open.Stdout, StringComparison.Ordinal);
        var reference = open.Stdout.Split(' ')[0];

        Assert.Equal(0, VigilProcess.Run("incidents", "task", "done", reference, "1", "--by", "bob", "--data-dir", data).Exit);
        Assert.Equal(0, VigilProcess.Run("incidents", "status", reference, "Contained", "--data-dir", data, "--as", "alice").Exit);
        Assert.Equal(0, VigilProcess.Run("incidents", "comment", reference, "Called the practice", "--data-dir", data).Exit);
        Assert.Equal(0, VigilProcess.Run("incidents", "timeline", "add", reference, "Mailbox export taken", "--data-dir", data).Exit);
        var added = VigilProcess.Run("evidence", "add", reference, file, "--data-dir", data, "--as", "alice");
        Assert.True(added.Exit == 0, added.Stderr);

        var show = VigilProcess.Run("incidents", "show", reference, "--format", "json", "--data-dir", data);
        Assert.True(show.Exit == 0, show.Stderr);
        using var json = JsonDocument.Parse(show.Stdout);
        var root = json.RootElement;
        Assert.Equal("Contained", root.GetProperty("status").GetString());
        Assert.Equal("bob", root.GetProperty("tasks")[0].GetProperty("done_by").GetString());
        Assert.Equal("Preserve", root.GetProperty("tasks")[0].GetProperty("group").GetString());
        Assert.Contains(root.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("recipient").GetString() == "ICO" && !c.GetProperty("overdue").GetBoolean());
        Assert.Contains(root.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("text").GetString() == "Mailbox export taken");

        var verified = VigilProcess.Run("evidence", "verify", "--data-dir", data);
        Assert.True(verified.Exit == 0, verified.Stderr);
        var exported = Path.Combine(folder.Path, "out.mbox");
        Assert.Equal(0, VigilProcess.Run("evidence", "export", reference, "1", "--output", exported, "--data-dir", data).Exit);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(exported));

        var blob = Directory.GetFiles(Path.Combine(data, "evidence")).Single();
        var bytes = File.ReadAllBytes(blob);
        bytes[^20] ^= 0x40;
        File.WriteAllBytes(blob, bytes);
        var broken = VigilProcess.Run("evidence", "verify", "--data-dir", data);
        Assert.Equal(1, broken.Exit);
        Assert.Contains("BROKEN: evidence 1", broken.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_alerts_jurisdictions_and_playbooks_are_refused_naming_them()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");

        var alert = VigilProcess.Run("incidents", "open", "--title", "x", "--severity", "low", "--from-alert", "77", "--data-dir", data);
        Assert.Equal((1, true), (alert.Exit, alert.Stderr.Contains("no alert 77", StringComparison.Ordinal)));
        var jurisdiction = VigilProcess.Run("incidents", "open", "--title", "x", "--severity", "low", "--jurisdiction", "atlantis", "--data-dir", data);
        Assert.Equal((2, true), (jurisdiction.Exit, jurisdiction.Stderr.Contains("unknown 'atlantis'", StringComparison.Ordinal)));
        var playbook = VigilProcess.Run("incidents", "open", "--title", "x", "--severity", "low", "--playbook", "nope", "--data-dir", data);
        Assert.Equal((2, true), (playbook.Exit, playbook.Stderr.Contains("no playbook 'nope'", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("incidents show", "incidents,show,INC-1999-0001")]
    [InlineData("incidents comment", "incidents,comment,INC-1999-0001,x")]
    [InlineData("evidence list", "evidence,list,INC-1999-0001")]
    [InlineData("notify decide", "notify,decide,INC-1999-0001,--regulator,no,--individuals,no,--reason,x,--by,dpo")]
    public void An_unknown_incident_is_reported_in_the_same_words_by_every_command(string command, string arguments)
    {
        using var folder = new TempFolder();

        var result = VigilProcess.Run([.. arguments.Split(','), "--data-dir", Path.Combine(folder.Path, "data")]);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains($"vigil {command}: INC-1999-0001: no such incident", result.Stderr, StringComparison.Ordinal);
    }
}

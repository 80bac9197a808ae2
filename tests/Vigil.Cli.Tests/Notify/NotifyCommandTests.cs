using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Vigil.Cli.Tests.ScanPhi;
using Vigil.Response.Incidents;
using Vigil.Storage;

namespace Vigil.Cli.Tests.Notify;

public sealed class NotifyCommandTests
{
    private static async Task<string> OpenIncident(string dataDir)
    {
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = dataDir }, TimeProvider.System, CancellationToken.None);
        var incident = await store.Incidents.CreateAsync(new NewIncident("Compromised mailbox", "high", DateTimeOffset.UtcNow.AddHours(-2), ["gg-dpl", "uk-gdpr"]), "tester", CancellationToken.None);
        return incident.Reference;
    }

    private static (int Exit, string Stdout, string Stderr) Notify(string dataDir, params string[] args) =>
        VigilProcess.Run(["notify", .. args, "--data-dir", dataDir]);

    private static void AssertNoPlantedValue(string text, string where)
    {
        foreach (var value in PlantedMailbox.Values)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{where} holds a planted value");
        }
    }

    [Fact]
    public async Task Assess_from_an_evidence_item_reads_it_in_place_and_counts_what_the_file_scan_counts()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var reference = await OpenIncident(data);
        var mbox = PlantedMailbox.Write(temp);
        Assert.Equal(0, VigilProcess.Run("evidence", "add", reference, mbox, "--data-dir", data).Exit);

        var fromFile = Notify(data, "assess", reference, "--evidence-scan", mbox);
        var fromItem = Notify(data, "assess", reference, "--evidence-item", "1");

        Assert.True(fromItem.Exit == 0, fromItem.Stderr);
        Assert.Equal(fromFile.Stdout.Split('\n')[..3], fromItem.Stdout.Split('\n')[..3]);
        Assert.Contains("people 2 ", fromItem.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "tmp")));
        Assert.NotEqual(0, Notify(data, "assess", reference, "--evidence-item", "2").Exit);
        Assert.NotEqual(0, Notify(data, "assess", reference).Exit);
    }

    [Fact]
    public async Task Assess_decide_draft_write_letters_and_export_the_register_from_a_mailbox()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var reference = await OpenIncident(data);
        var mbox = PlantedMailbox.Write(temp);
        var facts = temp.File("facts.yml", "organisation: St Peter Port Medical Group\ncontact_point: DPO, dpo@practice.example.gg\nphishing_observed: true\nmeasures_taken:\n  - Password reset\n");

        var assess = Notify(data, "assess", reference, "--evidence-scan", mbox, "--facts", facts);
        Assert.True(assess.Exit == 0, assess.Stderr);
        Assert.Contains("people 2 ", assess.Stdout, StringComparison.Ordinal);
        Assert.Contains("records 2;", assess.Stdout, StringComparison.Ordinal);
        Assert.Contains("gg-dpl: ODPA required", assess.Stdout, StringComparison.Ordinal);
        AssertNoPlantedValue(assess.Stdout + assess.Stderr, "assess output");

        var early = Notify(data, "letters", reference, "--format", "csv", "--output", Path.Combine(temp.Path, "early"), "--by", "dpo");
        Assert.NotEqual(0, early.Exit);
        Assert.Contains("no decision to tell the individuals", early.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, Notify(data, "decide", reference, "--regulator", "yes", "--individuals", "yes", "--reason", "Health data used for phishing", "--by", "dpo").Exit);

        var draftPath = Path.Combine(temp.Path, "draft.md");
        Assert.Equal(0, Notify(data, "regulator", reference, "--format", "md", "--output", draftPath).Exit);
        var draft = File.ReadAllText(draftPath);
        Assert.Contains("Office of the Data Protection Authority (ODPA)", draft, StringComparison.Ordinal);
        Assert.Contains("Approximate number of people affected: 2 ", draft, StringComparison.Ordinal);
        Assert.Contains("- Password reset", draft, StringComparison.Ordinal);
        AssertNoPlantedValue(draft, "the regulator draft");

        var docx = Path.Combine(temp.Path, "follow-up.docx");
        Assert.Equal(0, Notify(data, "regulator", reference, "--phase", "follow-up", "--jurisdiction", "uk-gdpr", "--format", "docx", "--output", docx).Exit);
        using (var doc = WordprocessingDocument.Open(docx, false))
        {
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("No change in the facts since the initial report.", text, StringComparison.Ordinal);
            Assert.Contains("Information Commissioner's Office", text, StringComparison.Ordinal);
        }

        var letters = Path.Combine(temp.Path, "letters");
        Assert.Equal(0, Notify(data, "letters", reference, "--format", "csv", "--output", letters, "--by", "dpo").Exit);
        var rows = File.ReadAllLines(Path.Combine(letters, "mail-merge.csv"));
        Assert.Equal(3, rows.Length);
        Assert.Single(rows, static r => r.Contains("Archibald Pemberton", StringComparison.Ordinal) && r.Contains("archie.pemberton@example.org", StringComparison.Ordinal) && r.Contains("identity; contact; health", StringComparison.Ordinal));
        Assert.Single(rows, static r => r.Contains("Winifred Ashcombe", StringComparison.Ordinal) && !r.Contains("archie", StringComparison.Ordinal));
        Assert.Equal(0, Notify(data, "letters", reference, "--format", "docx", "--output", letters, "--by", "dpo").Exit);
        Assert.Equal(2, Directory.GetFiles(letters, "letter-S*.docx").Length);

        var register = Notify(data, "register", "--format", "json");
        Assert.Equal(0, register.Exit);
        using var json = JsonDocument.Parse(register.Stdout);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(reference, entry.GetProperty("reference").GetString());
        Assert.Equal(2, entry.GetProperty("people").GetInt32());
        Assert.StartsWith("notify (dpo, ", entry.GetProperty("individuals_decision").GetString(), StringComparison.Ordinal);
        AssertNoPlantedValue(register.Stdout, "the register");

        // The subjects are sealed: the database files hold no planted value in clear.
        var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
        Assert.Contains(files, static f => f.Contains(".db", StringComparison.Ordinal) || f.Contains("sqlite", StringComparison.Ordinal));
        foreach (var file in files)
        {
            AssertNoPlantedValue(Encoding.Latin1.GetString(File.ReadAllBytes(file)), Path.GetFileName(file));
        }

        // Each generation is on the incident's timeline, by subject id and never by name.
        await using var store = await VigilStore.OpenAsync(new StoreOptions { DataDirectory = data }, TimeProvider.System, CancellationToken.None);
        var incident = await store.Incidents.GetByReferenceAsync(reference, CancellationToken.None);
        var timeline = await store.Incidents.ListTimelineAsync(incident!.Id, CancellationToken.None);
        Assert.Equal(2, timeline.Count(static t => t.Text.StartsWith("letters generated:", StringComparison.Ordinal)));
        AssertNoPlantedValue(string.Join("\n", timeline.Select(static t => t.Text)), "the timeline");
    }

    [Fact]
    public async Task Facts_are_checked_and_recorded_without_a_new_scan_and_the_risk_follows_them()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var reference = await OpenIncident(data);
        var encrypted = temp.File("encrypted.yml", "encrypted: true\n");
        var phished = temp.File("phished.yml", "phishing_observed: true\nmeasures_taken:\n  - Password reset\n");
        var wrong = temp.File("wrong.yml", "nature: stolen\ncontained_at: 2020-01-01T00:00:00Z\noccurred_at: 2020-01-02T00:00:00Z\n");

        var early = Notify(data, "facts", reference, "--facts", phished);
        Assert.Equal(0, Notify(data, "assess", reference, "--evidence-scan", PlantedMailbox.Write(temp), "--facts", encrypted).Exit);
        var bad = Notify(data, "facts", reference, "--facts", wrong);
        var good = Notify(data, "facts", reference, "--facts", phished, "--by", "dpo");

        Assert.Contains("not assessed yet", early.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("Nature of the breach: choose one or more", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("When it was contained: cannot be before the breach happened.", bad.Stderr, StringComparison.Ordinal);
        Assert.True(good.Exit == 0, good.Stderr);
        Assert.Contains("risk: likelihood 5, severity 4: High", good.Stdout, StringComparison.Ordinal);
        Assert.Contains("uk-gdpr: ICO required; individuals required", good.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_incident_is_reported()
    {
        using var temp = new TempFolder();
        var result = Notify(Path.Combine(temp.Path, "data"), "decide", "INC-1999-0001", "--regulator", "no", "--individuals", "no", "--reason", "x", "--by", "dpo");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("INC-1999-0001: no such incident", result.Stderr, StringComparison.Ordinal);
    }
}

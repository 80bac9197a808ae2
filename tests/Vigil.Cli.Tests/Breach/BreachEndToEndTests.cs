using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Xunit.Abstractions;

namespace Vigil.Cli.Tests.Breach;

public sealed class BreachEndToEndTests(ITestOutputHelper output)
{
    private const int Patients = 4;

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static (int Exit, string Stdout, string Stderr) Vigil(string dataDir, params string[] args) =>
        VigilProcess.Run([.. args, "--data-dir", dataDir]);

    [Fact]
    public void The_breach_replay_becomes_an_incident_scoped_from_the_mailbox_with_a_draft_and_one_letter_per_patient()
    {
        var clock = Stopwatch.StartNew();
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "demo");

        // 1. The breach replay, kept in a data dir.
        var demo = VigilProcess.Run("demo", "--days", "7", "--seed", "4", "--format", "json", "--data-dir", data);
        Assert.True(demo.Exit == 0, demo.Stderr);
        var attackDay = Json(demo.Stdout).GetProperty("attackDay").GetDateTimeOffset();
        var list = Vigil(data, "alerts", "list", "--format", "jsonl");
        Assert.Equal(0, list.Exit);
        var alerts = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Json).ToList();

        // The compromised account is the one that signed in from two places at once.
        var travel = Assert.Single(alerts, static a => a.GetProperty("rule_id").GetString() == "vigil-analytic-impossible-travel");
        var account = travel.GetProperty("group_key").GetString()!["user=".Length..];
        var breach = alerts
            .Where(a => a.GetProperty("first_seen").GetDateTimeOffset() >= attackDay && a.GetProperty("group_key").GetString()!.Contains(account, StringComparison.Ordinal))
            .Select(static a => a.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture))
            .ToList();
        Assert.True(breach.Count >= 4, $"only {breach.Count} breach alerts name {account}");

        // 2. The incident, from those alerts.
        string[] open = ["incidents", "open", "--title", "Compromised mailbox", "--severity", "high", "--playbook", "compromised-mailbox", "--jurisdiction", "gg-dpl", "--jurisdiction", "uk-gdpr", "--aware-at", "2h", "--format", "json", .. breach.SelectMany(static id => new[] { "--from-alert", id })];
        var opened = Vigil(data, open);
        Assert.True(opened.Exit == 0, opened.Stderr);
        var reference = Json(opened.Stdout).GetProperty("reference").GetString()!;
        var show = Vigil(data, "incidents", "show", reference, "--format", "json");
        Assert.True(show.Exit == 0, show.Stderr);
        var incident = Json(show.Stdout);
        Assert.Equal(breach.Count, incident.GetProperty("alerts").GetArrayLength());
        Assert.Contains(incident.GetProperty("observables").EnumerateArray(), o => o.GetProperty("value").GetString() == account);
        Assert.Contains(incident.GetProperty("timeline").EnumerateArray(), static t => t.GetProperty("text").GetString()!.Contains("Impossible travel", StringComparison.Ordinal));
        Assert.NotEqual(0, incident.GetProperty("tasks").GetArrayLength());

        // 3. The compromised mailbox, whose patients the test knows.
        var patients = BreachPatient.Generate(4, Patients);
        var mbox = CompromisedMailbox.Write(Path.Combine(temp.Path, "mailbox.mbox"), account, "Gwen Gallienne", patients);

        // 4. Assess, decide, draft, letters.
        var assess = Vigil(data, "notify", "assess", reference, "--evidence-scan", mbox, "--by", "dpo");
        Assert.True(assess.Exit == 0, assess.Stderr);
        output.WriteLine(assess.Stdout);
        AssertNoneOf(patients.SelectMany(static p => p.Identifiers()), assess.Stdout + assess.Stderr, "assess output");
        var decide = Vigil(data, "notify", "decide", reference, "--regulator", "yes", "--individuals", "yes", "--reason", "Health data taken by a malicious third party", "--by", "dpo");
        Assert.True(decide.Exit == 0, decide.Stderr);

        var draftPath = Path.Combine(temp.Path, "draft.md");
        var regulator = Vigil(data, "notify", "regulator", reference, "--format", "md", "--output", draftPath);
        Assert.True(regulator.Exit == 0, regulator.Stderr);
        var draft = File.ReadAllText(draftPath);
        output.WriteLine(draft);
        var records = CompromisedMailbox.PatientMessages(patients);
        Assert.Contains($"Approximate number of people affected: {Patients} ", draft, StringComparison.Ordinal);
        Assert.Contains($"Approximate number of records affected: {records} ", draft, StringComparison.Ordinal);
        Assert.Contains($"health data of {patients.Count(static p => p.Health)} people", draft, StringComparison.Ordinal);
        Assert.Contains("Health data (special category)", draft, StringComparison.Ordinal);
        Assert.Contains("Contact details", draft, StringComparison.Ordinal);
        AssertNoneOf(patients.SelectMany(static p => p.Identifiers()), draft, "the regulator draft");

        var letters = Path.Combine(temp.Path, "letters");
        var csv = Vigil(data, "notify", "letters", reference, "--format", "csv", "--output", letters, "--by", "dpo");
        Assert.True(csv.Exit == 0, csv.Stderr);
        var rows = File.ReadAllLines(Path.Combine(letters, "mail-merge.csv")).Skip(1).ToList();
        Assert.Equal(Patients, rows.Count);
        foreach (var p in patients)
        {
            var row = Assert.Single(rows, r => r.Contains(p.Name, StringComparison.Ordinal));
            AssertOnlyTheirs(p, patients, row, "the mail-merge row");
        }

        var docx = Vigil(data, "notify", "letters", reference, "--format", "docx", "--output", letters, "--by", "dpo");
        Assert.True(docx.Exit == 0, docx.Stderr);
        var texts = Directory.GetFiles(letters, "letter-*.docx").Select(Text).ToList();
        Assert.Equal(Patients, texts.Count);
        foreach (var p in patients)
        {
            var letter = Assert.Single(texts, t => t.Contains(p.Name, StringComparison.Ordinal));
            AssertOnlyTheirs(p, patients, letter, "the letter");
            Assert.Contains("your NHS number", letter, StringComparison.Ordinal);
            Assert.Contains("your date of birth", letter, StringComparison.Ordinal);
            Assert.Equal(p.Health, letter.Contains("information about your health conditions or diagnoses", StringComparison.Ordinal));
            Assert.Equal(p.Health, letter.Contains("This includes information about your health.", StringComparison.Ordinal));
            Assert.Equal(p.Email is not null, letter.Contains("your e-mail address", StringComparison.Ordinal));
            Assert.Equal(p.Contact, letter.Contains("Your contact details were involved", StringComparison.Ordinal));

            // The staff signature's telephone number is the signer's, not the patient's beside it.
            Assert.DoesNotContain("your telephone number", letter, StringComparison.Ordinal);
        }

        output.WriteLine($"end to end in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static string Text(string path)
    {
        using var doc = WordprocessingDocument.Open(path, false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(static p => p.InnerText));
    }

    private static void AssertOnlyTheirs(BreachPatient patient, IReadOnlyList<BreachPatient> all, string text, string where)
    {
        foreach (var other in all.Where(o => o != patient))
        {
            AssertNoneOf(other.Identifiers(), text, $"{where} of {patient.Name}");
        }
    }

    private static void AssertNoneOf(IEnumerable<string> values, string text, string where)
    {
        foreach (var value in values)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{where} holds '{value}'");
        }
    }
}

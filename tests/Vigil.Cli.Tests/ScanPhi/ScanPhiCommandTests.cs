using System.Text.Json;

namespace Vigil.Cli.Tests.ScanPhi;

public sealed class ScanPhiCommandTests
{
    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement).ToList();

    private static void NoPlantedValue(string text, string what)
    {
        foreach (var value in PlantedMailbox.Values)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"{what} contains the planted value {value}");
        }
    }

    [Theory]
    [InlineData("jsonl", false)]
    [InlineData("csv", true)]
    [InlineData("table", false)]
    [InlineData("html", false)]
    public void Masked_reports_and_stderr_contain_none_of_the_planted_identifiers(string format, bool subjects)
    {
        using var temp = new TempFolder();
        var mbox = PlantedMailbox.Write(temp);
        var broken = PlantedMailbox.WriteBroken(temp);
        var output = Path.Combine(temp.Path, "report." + format);
        string[] args = ["scan-phi", "--format", format, "--output", output, .. subjects ? (string[])["--subjects"] : [], mbox, broken];
        var (exit, stdout, stderr) = VigilProcess.Run(args);

        Assert.Equal(1, exit); // the broken attachment
        var report = File.ReadAllText(output);
        Assert.NotEmpty(report);
        NoPlantedValue(report, format + " report");
        NoPlantedValue(stdout, "stdout");
        NoPlantedValue(stderr, "stderr");
        Assert.Contains("broken.eml", stderr, StringComparison.Ordinal);
        if (format == "html")
        {
            SelfContained(report);
        }
    }

    [Fact]
    public void Us_phone_numbers_are_found_only_when_asked_for()
    {
        using var temp = new TempFolder();
        var note = Path.Combine(temp.Path, "note.txt");
        File.WriteAllText(note, "Discharge summary. Call the clinic on (617) 555-0123 if the pain returns.\n");
        int UsPhones(params string[] extra)
        {
            var (exit, stdout, stderr) = VigilProcess.Run(["scan-phi", "--format", "jsonl", .. extra, note]);
            Assert.True(exit == 0, stderr);
            return Lines(stdout).Count(static f => f.GetProperty("type").GetString() == "US_PHONE");
        }

        Assert.Equal(0, UsPhones());
        Assert.Equal(1, UsPhones("--us-phones"));
    }

    [Fact]
    public void Jsonl_findings_are_masked_and_typed()
    {
        using var temp = new TempFolder();
        var (exit, stdout, stderr) = VigilProcess.Run("scan-phi", "--format", "jsonl", PlantedMailbox.Write(temp));
        Assert.True(exit == 0, stderr);
        var findings = Lines(stdout);
        var nhs = findings.Where(static f => f.GetProperty("type").GetString() == "UK_NHS").Select(static f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains("*** *** 5919", nhs);
        Assert.Contains("******5919", nhs);
        Assert.All(findings, static f => Assert.False(f.GetProperty("revealed").GetBoolean()));
        Assert.Contains(findings, static f => f.GetProperty("category").GetString() == "health");
        Assert.Contains(findings, static f => f.GetProperty("part").GetString() == "headers:From" && f.GetProperty("type").GetString() == "EMAIL");
    }

    [Fact]
    public void Subjects_link_the_patient_across_both_messages_and_keep_the_sender_apart()
    {
        using var temp = new TempFolder();
        var (_, stdout, _) = VigilProcess.Run("scan-phi", "--format", "jsonl", "--subjects", PlantedMailbox.Write(temp));
        NoPlantedValue(stdout, "subjects");
        var subjects = Lines(stdout);
        var patient = Assert.Single(subjects, static s => s.GetProperty("identifiers").EnumerateArray().Any(static v => v.GetProperty("value").GetString() == "*** *** 5919"));
        Assert.Equal(2, patient.GetProperty("items").GetArrayLength());
        Assert.Contains("health", patient.GetProperty("categories").EnumerateArray().Select(static c => c.GetString()));
        Assert.False(patient.GetProperty("correspondent").GetBoolean());
        var sender = Assert.Single(subjects, static s => s.GetProperty("name").GetString() == "O. Q.");
        Assert.True(sender.GetProperty("correspondent").GetBoolean());
        Assert.DoesNotContain("health", sender.GetProperty("categories").EnumerateArray().Select(static c => c.GetString()));
    }

    [Fact]
    public void Reveal_shows_the_values_says_so_on_stderr_and_keeps_them_off_stderr()
    {
        using var temp = new TempFolder();
        var (exit, stdout, stderr) = VigilProcess.Run("scan-phi", "--format", "jsonl", "--reveal", PlantedMailbox.Write(temp));
        Assert.Equal(0, exit);
        Assert.Contains("943 476 5919", stdout, StringComparison.Ordinal);
        Assert.Contains("--reveal", stderr, StringComparison.Ordinal);
        NoPlantedValue(stderr, "stderr");
    }

    private static void SelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("Data subjects", html, StringComparison.Ordinal);
        Assert.Contains("Riskiest items", html, StringComparison.Ordinal);
        Assert.Contains("Problems", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clinical_notes_profile_uses_the_users_place_and_name_lists()
    {
        using var temp = new TempFolder();
        var note = Path.Combine(temp.Path, "note.txt");
        File.WriteAllText(note, "PT ADMITTED FROM ZEPHYRTON GENERAL. DAUGHTER QUILLA CALLED. K. VANDERQUAST RN\n");
        var places = Path.Combine(temp.Path, "hospitals.txt");
        File.WriteAllText(places, "# our sites\nZephyrton General\n");
        var names = Path.Combine(temp.Path, "names.txt");
        File.WriteAllText(names, "QUILLA\n");
        var surnames = Path.Combine(temp.Path, "surnames.txt");
        File.WriteAllText(surnames, "VANDERQUAST\n");
        List<string> Types(params string[] extra)
        {
            var (exit, stdout, stderr) = VigilProcess.Run(["scan-phi", "--format", "jsonl", "--word-list", "hospitals=" + places,
                "--word-list", "first-names=" + names, "--word-list", "last-names=" + surnames, .. extra, note]);
            Assert.True(exit == 0, stderr);
            NoPlantedValue(stderr, "stderr");
            return [.. Lines(stdout).Select(static f => f.GetProperty("type").GetString()!).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["LOCATION", "PERSON", "PERSON"], Types("--profile", "us-clinical-notes"));
        Assert.DoesNotContain("LOCATION", Types());
    }

    [Theory]
    [InlineData("--word-list", "towns=places.txt")]
    [InlineData("--word-list", "places=/nonexistent/places.txt")]
    [InlineData("--profile", "us-mail")]
    public void Bad_word_lists_and_profiles_exit_2(string option, string value)
    {
        using var temp = new TempFolder();
        var (exit, _, stderr) = VigilProcess.Run("scan-phi", option, value, PlantedMailbox.Write(temp));
        Assert.Equal(2, exit);
        Assert.Contains(option == "--profile" ? "us-mail" : "places", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "pdf")]
    [InlineData("--bogus", "x")]
    public void Bad_usage_exits_2(string option, string value)
    {
        using var temp = new TempFolder();
        var (exit, _, stderr) = VigilProcess.Run("scan-phi", option, value, PlantedMailbox.Write(temp));
        Assert.Equal(2, exit);
        Assert.Contains("scan-phi", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_bad_usage()
    {
        var (exit, _, stderr) = VigilProcess.Run("scan-phi", "/nonexistent/mailbox.mbox");
        Assert.Equal(2, exit);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }
}

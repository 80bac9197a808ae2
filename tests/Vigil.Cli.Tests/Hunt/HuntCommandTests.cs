using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Vigil.Cli.Tests.Hunt;

public sealed class HuntCommandTests
{
    private static readonly string Samples = Path.Combine(VigilProcess.Repository, "samples");

    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement).ToList();

    [Fact]
    public void Hunt_over_the_samples_finds_every_planted_attack_with_the_bundled_rules()
    {
        var (exit, stdout, stderr) = VigilProcess.Run("hunt", "--format", "jsonl", Samples);
        Assert.Equal(0, exit);
        var found = Lines(stdout);
        int Count(string title) => found.Count(d => d.GetProperty("rule_title").GetString() == title);

        // Two shell commands from the Exchange web server; one of them is encoded PowerShell.
        Assert.Equal(2, Count("Shell Started by the Exchange Web Server Process"));
        Assert.Equal(1, Count("PowerShell Started With an Encoded Command"));
        Assert.Equal(1, Count("Security Audit Log Cleared"));
        // The forwarding rule, not the benign move-to-folder rule.
        Assert.Equal(1, Count("Inbox Rule Forwards or Redirects Mail"));
        // Six accounts failing from one address within 20 minutes: one spray.
        var spray = Assert.Single(found, d => d.GetProperty("rule_title").GetString() == "Password Spray From One Address");
        var correlation = spray.GetProperty("correlation");
        Assert.Equal("185.220.101.7", correlation.GetProperty("group_by").GetProperty("IpAddress").GetString());
        Assert.True(correlation.GetProperty("events").GetArrayLength() >= 5);
        // Notepad on a workstation is not an attack.
        Assert.DoesNotContain(found, d => d.GetProperty("event").TryGetProperty("Image", out var image) && image.GetString()!.EndsWith("notepad.exe", StringComparison.Ordinal));
        Assert.Contains("Rules loaded", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_detection_carries_the_rule_author_source_record_and_event()
    {
        var (_, stdout, _) = VigilProcess.Run("hunt", "--format", "jsonl", Path.Combine(Samples, "windows-events.ndjson"));
        var d = Lines(stdout).First(d => d.GetProperty("rule_title").GetString() == "Security Audit Log Cleared");
        Assert.Equal("Vigil", d.GetProperty("rule_author").GetString());
        Assert.Equal("high", d.GetProperty("level").GetString());
        Assert.Contains("attack.t1070.001", d.GetProperty("tags").EnumerateArray().Select(static t => t.GetString()));
        Assert.EndsWith("windows-events.ndjson", d.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, d.GetProperty("record").GetInt64());
        Assert.Equal("2026-08-04T03:02:11.000000Z", d.GetProperty("timestamp").GetString());
        Assert.Equal("svc_backup", d.GetProperty("event").GetProperty("SubjectUserName").GetString());
        Assert.Equal("1102", d.GetProperty("event").GetProperty("EventID").GetString());
    }

    [Fact]
    public void Csv_output_has_a_header_and_one_row_per_detection()
    {
        var jsonl = Lines(VigilProcess.Run("hunt", "--format", "jsonl", Samples).Stdout);
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "out.csv");
        var (exit, stdout, _) = VigilProcess.Run("hunt", "--format", "csv", "--output", output, Samples);
        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        var text = File.ReadAllText(output);
        Assert.StartsWith("rule_id,rule_title,level,rule_author,tags,timestamp,source,record,event,correlation\n", text, StringComparison.Ordinal);
        Assert.Equal(jsonl.Count, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public void Min_level_keeps_only_detections_at_or_above_it()
    {
        var all = Lines(VigilProcess.Run("hunt", "--format", "jsonl", Samples).Stdout);
        var critical = Lines(VigilProcess.Run("hunt", "--format", "jsonl", "--min-level", "critical", Samples).Stdout);
        Assert.NotEmpty(critical);
        Assert.All(critical, static d => Assert.Equal("critical", d.GetProperty("level").GetString()));
        Assert.True(all.Count > critical.Count);
    }

    [Theory]
    [InlineData(new[] { "hunt", "--frobnicate", "x" }, "--frobnicate")]
    [InlineData(new[] { "hunt" }, "INPUT")]
    [InlineData(new[] { "hunt", "--format", "xml", "x" }, "xml")]
    [InlineData(new[] { "hunt", "--rules", "/no/such/rules", "x" }, "/no/such/rules: no such file or folder")]
    public void Bad_usage_is_one_line_naming_the_problem_and_exit_code_2(string[] args, string named)
    {
        var (exit, _, stderr) = VigilProcess.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_bad_usage()
    {
        var (exit, _, stderr) = VigilProcess.Run("hunt", "--output", "/no/such/folder/out.jsonl", Samples);
        Assert.Equal(2, exit);
        Assert.Contains("/no/such/folder/out.jsonl: cannot write", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_hunt()
    {
        var (exit, stdout, _) = VigilProcess.Run("hunt", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--min-level", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_reported_by_file_and_reason_and_the_rest_is_still_hunted()
    {
        using var temp = new TempFolder();
        var good = File.ReadAllLines(Path.Combine(Samples, "windows-events.ndjson"));
        // Good events around an invalid line, a line of invalid UTF-8 and a 2 MiB line.
        var mixed = new MemoryStream();
        void Line(byte[] bytes)
        {
            mixed.Write(bytes);
            mixed.WriteByte((byte)'\n');
        }

        Line(Encoding.UTF8.GetBytes(good[1]));
        Line("{\"broken\": "u8.ToArray());
        Line([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D]);
        Line(Encoding.UTF8.GetBytes("{\"huge\":\"" + new string('x', 2 << 20) + "\"}"));
        Line(Encoding.UTF8.GetBytes(good[^1]));
        temp.File("mixed.ndjson", mixed.ToArray());
        temp.File("garbage.json", [.. Enumerable.Range(0, 4096).Select(static i => (byte)((i * 7919) % 256))]);
        var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(Encoding.UTF8.GetBytes(string.Join('\n', good) + "\n"));
        }

        temp.File("truncated.ndjson.gz", gz.ToArray()[..(int)(gz.Length / 2)]);

        var (exit, stdout, stderr) = VigilProcess.Run("hunt", "--format", "jsonl", temp.Path, "/no/such/input");
        Assert.Equal(0, exit);
        Assert.Contains("mixed.ndjson:line 2", stderr, StringComparison.Ordinal);
        Assert.Contains("mixed.ndjson:line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("mixed.ndjson:line 4", stderr, StringComparison.Ordinal);
        Assert.Contains("garbage.json", stderr, StringComparison.Ordinal);
        Assert.Contains("truncated.ndjson.gz", stderr, StringComparison.Ordinal);
        Assert.Contains("/no/such/input", stderr, StringComparison.Ordinal);
        // The two good lines of mixed.ndjson are still hunted: the web-shell command and the cleared log.
        var found = Lines(stdout);
        Assert.Contains(found, static d => d.GetProperty("source").GetString()!.EndsWith("mixed.ndjson", StringComparison.Ordinal) && d.GetProperty("record").GetInt64() == 1);
        Assert.Contains(found, static d => d.GetProperty("source").GetString()!.EndsWith("mixed.ndjson", StringComparison.Ordinal) && d.GetProperty("record").GetInt64() == 5);
        // Nothing of a bad line reaches the messages: they may hold patient data.
        Assert.DoesNotContain("xxxxxxxx", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("broken", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catastrophic_regular_expression_does_not_stall_the_hunt()
    {
        using var temp = new TempFolder();
        var rule = temp.File("rules/redos.yml", """
            title: Catastrophic pattern
            id: 6a1b2c3d-0000-4000-8000-00000000feed
            logsource: {product: test}
            detection:
                sel:
                    Text|re: '^(a+)+$'
                condition: sel
            level: low
            """);
        var events = temp.File("logs/a.ndjson", "{\"Text\":\"" + new string('a', 50_000) + "!\"}\n{\"Text\":\"aaaa\"}\n");
        var (exit, stdout, _) = VigilProcess.Run("hunt", "--format", "jsonl", "--rules", rule, events);
        Assert.Equal(0, exit);
        var d = Assert.Single(Lines(stdout));
        Assert.Equal(2, d.GetProperty("record").GetInt64());
    }

    [Fact]
    public void A_bad_rule_is_skipped_with_its_file_and_reason_and_the_others_run()
    {
        using var temp = new TempFolder();
        temp.File("rules/bad.yml", "title: Bad\nlogsource: {product: test}\ndetection:\n  sel:\n    A|nonsense: 1\n  condition: sel\n");
        temp.File("rules/good.yml", "title: Good\nid: 6a1b2c3d-0000-4000-8000-0000000000aa\nlogsource: {product: test}\ndetection:\n  sel:\n    A: 1\n  condition: sel\n");
        var events = temp.File("logs/a.ndjson", "{\"A\":1}\n");
        var (exit, stdout, stderr) = VigilProcess.Run("hunt", "--format", "jsonl", "--rules", Path.Combine(temp.Path, "rules"), events);
        Assert.Equal(0, exit);
        Assert.Contains("bad.yml", stderr, StringComparison.Ordinal);
        Assert.Contains("unknown modifier 'nonsense'", stderr, StringComparison.Ordinal);
        Assert.Equal("Good", Assert.Single(Lines(stdout)).GetProperty("rule_title").GetString());
    }
}

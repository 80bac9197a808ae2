using System.Text.Json;
using System.Xml.Linq;
using Vigil.Diagnostics;
using Vigil.Events;
using Vigil.Ingestion;

namespace Vigil.Cli.Tests.Convert;

public sealed class ConvertCommandTests
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    [Fact]
    public void Jsonl_of_the_regression_evtx_files_is_the_events_the_reader_gives_field_by_field()
    {
        var files = Directory.EnumerateFiles(Shared("sigma/regression_data"), "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 100, $"only {files.Count} .evtx files");

        var (exit, stdout, stderr) = VigilProcess.Run(["convert", .. files]);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("input:", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = files.SelectMany(f => LogFiles.Read(f, new ProblemLog())).ToList();
        Assert.Equal(expected.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = JsonDocument.Parse(lines[i]).RootElement;
            var e = expected[i];
            Assert.Equal(e.Source, line.GetProperty("source").GetString());
            Assert.Equal(e.Record, line.GetProperty("record").GetInt64());
            Assert.Equal(e.Timestamp!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", System.Globalization.CultureInfo.InvariantCulture), line.GetProperty("timestamp").GetString());
            Assert.Equal(Fields(e), Fields(line.GetProperty("event")));
        }
    }

    [Fact]
    public void Xml_of_the_evtx_samples_parses_and_gives_back_every_field_value()
    {
        var samples = Shared("sigma/evtx-samples");
        var files = new[] { "security.evtx", "system.evtx", "sysmon.evtx" }.Select(f => Path.Combine(samples, f)).ToList();

        var (exit, stdout, _) = VigilProcess.Run(["convert", "--format", "xml", .. files]);

        Assert.Equal(0, exit);
        var events = XDocument.Parse(stdout).Root!.Elements(Ns + "Event").ToList();
        var expected = files.SelectMany(f => LogFiles.Read(f, new ProblemLog())).ToList();
        Assert.Equal(expected.Count, events.Count);
        Assert.Contains(events, static e => e.Element(Ns + "UserData") is not null);
        for (var i = 0; i < events.Count; i++)
        {
            // XML 1.0 cannot hold control characters such as the \x03 of some security policy events: U+FFFD stands in.
            Assert.Equal(Fields(expected[i]).Select(XmlChars), Fields(events[i]));
        }
    }

    [Fact]
    public void Xml_of_events_that_are_not_windows_events_has_every_field_as_escaped_event_data()
    {
        using var temp = new TempFolder();
        var input = temp.File("a.ndjson", "{\"user\":\"<b>&amp;\\\"\",\"n\":1,\"tags\":[\"x\",\"y\"]}\n");

        var (exit, stdout, _) = VigilProcess.Run("convert", "--format", "xml", input);

        Assert.Equal(0, exit);
        var e = Assert.Single(XDocument.Parse(stdout).Root!.Elements(Ns + "Event"));
        Assert.Null(e.Element(Ns + "System"));
        var data = e.Element(Ns + "EventData")!.Elements(Ns + "Data").Select(static d => $"{d.Attribute("Name")!.Value}={d.Value}");
        Assert.Equal(["user=<b>&amp;\"", "n=1", "tags=x", "tags=y"], data);
    }

    [Fact]
    public void A_damaged_evtx_is_reported_on_stderr_and_its_intact_events_are_still_written()
    {
        using var temp = new TempFolder();
        var sample = File.ReadAllBytes(Path.Combine(Shared("sigma/evtx-samples"), "sysmon.evtx"));
        // The file header and two whole chunks, then half of the third.
        var damaged = temp.File("damaged.evtx", sample[..(4096 + (65536 * 2) + 32768)]);
        var output = Path.Combine(temp.Path, "out.jsonl");

        var (exit, stdout, stderr) = VigilProcess.Run("convert", "--output", output, damaged, "/no/such/input");

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("input: " + damaged, stderr, StringComparison.Ordinal);
        Assert.Contains("/no/such/input", stderr, StringComparison.Ordinal);
        var written = File.ReadAllLines(output).Length;
        Assert.Equal(LogFiles.Read(damaged, new ProblemLog()).Count(), written);
        Assert.True(written > 0);
    }

    [Theory]
    [InlineData(new[] { "convert" }, "INPUT")]
    [InlineData(new[] { "convert", "--frobnicate", "x" }, "--frobnicate")]
    [InlineData(new[] { "convert", "--format", "csv", "x" }, "csv")]
    [InlineData(new[] { "convert", "--output", "/no/such/folder/out.jsonl", "x" }, "/no/such/folder/out.jsonl")]
    public void Bad_usage_is_one_line_naming_the_problem_and_exit_code_2(string[] args, string named)
    {
        var (exit, _, stderr) = VigilProcess.Run(args);

        Assert.Equal(2, exit);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // The shared third-party data beside the repository; the test fails naming the expected folder when it is absent.
    private static string Shared(string relative)
    {
        var folder = Path.GetFullPath(Path.Combine(VigilProcess.Repository, "..", "shared", "data", relative));
        Assert.True(Directory.Exists(folder), $"The shared data folder is absent: expected {folder}. This test needs it and does not pass without it.");
        return folder;
    }

    // Field name and value pairs, sorted, with null as empty (XML cannot tell them apart).
    private static List<string> Fields(LogEvent e) =>
        [.. e.Fields().Select(static f => $"{f.Key}={f.Value}").Order(StringComparer.Ordinal)];

    private static List<string> Fields(JsonElement e) =>
    [
        .. e.EnumerateObject()
            .SelectMany(static p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().Select(v => (p.Name, v)) : [(p.Name, p.Value)])
            .Select(static f => $"{f.Name}={(f.Item2.ValueKind == JsonValueKind.Null ? "" : f.Item2.GetString())}")
            .Order(StringComparer.Ordinal),
    ];

    private static string XmlChars(string text) =>
        string.Concat(text.Select(static c => System.Xml.XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));

    // The flattened fields of a Windows event's XML, named as the reader names them.
    private static List<string> Fields(XElement e)
    {
        var fields = new List<string>();
        foreach (var s in e.Element(Ns + "System")!.Elements())
        {
            fields.AddRange(s.Attributes().Select(a => $"{s.Name.LocalName}_{a.Name.LocalName}={a.Value}"));
            if (!s.HasAttributes || s.Value.Length > 0)
            {
                fields.Add($"{s.Name.LocalName}={s.Value}");
            }
        }

        foreach (var d in e.Element(Ns + "EventData")?.Elements() ?? [])
        {
            fields.Add($"{d.Attribute("Name")?.Value ?? "Data"}={d.Value}");
        }

        foreach (var leaf in e.Element(Ns + "UserData")?.Descendants().Where(static d => !d.HasElements) ?? [])
        {
            var path = string.Join('.', leaf.AncestorsAndSelf().TakeWhile(static a => a.Name.LocalName != "UserData").Reverse().Select(static a => a.Name.LocalName));
            fields.Add($"{leaf.Name.LocalName}={leaf.Value}");
            fields.Add($"UserData.{path}={leaf.Value}");
        }

        return [.. fields.Order(StringComparer.Ordinal)];
    }
}

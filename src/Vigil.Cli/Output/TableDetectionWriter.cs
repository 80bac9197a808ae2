using Spectre.Console;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;

namespace Vigil.Cli.Output;

/// <summary>
/// A readable timeline, rendered when the hunt ends, oldest first. Holds at most <see cref="MaxRows"/> rows; beyond
/// that it says how many more there were and suggests jsonl, which streams.
/// </summary>
internal sealed class TableDetectionWriter : DetectionWriter
{
    private const int MaxRows = 5_000;
    private static readonly string[] KeyFields = ["Computer", "User", "UserId", "SubjectUserName", "TargetUserName", "Operation", "ClientIP", "IpAddress", "Image", "CommandLine", "TargetFilename", "TargetObject", "ScriptBlockText", "ServiceName"];

    private readonly IAnsiConsole _console;
    private readonly List<RuleMatch> _rows = [];
    private long _count;

    public TableDetectionWriter(Stream stream, bool terminal)
    {
        var output = new StreamWriter(stream) { AutoFlush = true };
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            // A file or a pipe has no width of its own; keep rows readable rather than 80 columns narrow.
            _console.Profile.Width = 160;
        }
    }

    public override void Write(RuleMatch d)
    {
        if (++_count <= MaxRows)
        {
            _rows.Add(d);
        }
    }

    private static void AddRow(Table table, RuleMatch d)
    {
        var details = d.IsCorrelation
            ? $"{d.Joined.Count} events; {string.Join(", ", d.GroupBy.Select(static g => $"{g.Key}={g.Value}"))}"
            : string.Join("\n", KeyFields.Select(f => (f, v: d.Event.Get(f))).Where(static p => !string.IsNullOrEmpty(p.v)).Take(4)
                .Select(static p => $"{p.f}: {Truncate(p.v!, 120)}"));
        table.AddRow(
            new Text(d.Timestamp?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"),
            new Markup(LevelMarkup(d.Rule.Level)),
            new Text(d.Rule.Title),
            new Text($"{Path.GetFileName(d.Event.Source)}:{d.Event.Record}"),
            new Text(details));
    }

    public override void Dispose()
    {
        if (_count == 0)
        {
            _console.WriteLine("No detections.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Time (UTC)").AddColumn("Level").AddColumn("Rule").AddColumn("Where").AddColumn("Details");
        foreach (var d in _rows.OrderBy(static d => d.Timestamp ?? DateTimeOffset.MaxValue))
        {
            AddRow(table, d);
        }

        _console.Write(table);
        if (_count > MaxRows)
        {
            _console.WriteLine($"{_count - MaxRows:N0} more detections not shown; use --format jsonl or csv for all of them.");
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max] + "…";

    private static string LevelMarkup(Level level) => level switch
    {
        Level.Critical => "[bold red]critical[/]",
        Level.High => "[red]high[/]",
        Level.Medium => "[yellow]medium[/]",
        Level.Low => "[blue]low[/]",
        _ => "[grey]info[/]",
    };
}

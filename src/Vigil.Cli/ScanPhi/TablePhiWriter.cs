using System.Globalization;
using Spectre.Console;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>A readable table, rendered at the end: findings by item, or subjects. At most <see cref="MaxRows"/> rows.</summary>
internal sealed class TablePhiWriter : PhiReportWriter
{
    private const int MaxRows = 5_000;
    private readonly IAnsiConsole _console;
    private readonly Table _table = new Table().Border(TableBorder.Rounded);
    private long _rows;

    public TablePhiWriter(Stream stream, bool reveal, bool terminal)
        : base(reveal)
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
            _console.Profile.Width = 160;
        }
    }

    public override void Write(ItemFindings item)
    {
        if (_table.Columns.Count == 0)
        {
            _table.AddColumn("Item").AddColumn("Part").AddColumn("Type").AddColumn("Value").AddColumn("Confidence");
        }

        foreach (var f in item.Findings)
        {
            if (++_rows <= MaxRows)
            {
                _table.AddRow(new Text(item.ItemId), new Text(PartNames.Show(f.Part, Reveal)), new Text(f.Type), new Text(Shown(f)),
                    new Text(f.Confidence.ToString("0.00", CultureInfo.InvariantCulture)));
            }
        }
    }

    public override void End(ScanSummary summary, IReadOnlyList<DataSubject>? subjects)
    {
        if (subjects is not null)
        {
            _table.AddColumn("Subject").AddColumn("Name").AddColumn("Role").AddColumn("Categories").AddColumn("Identifiers").AddColumn("Items");
            foreach (var s in subjects)
            {
                if (++_rows <= MaxRows)
                {
                    _table.AddRow(new Text(s.Id), new Text(s.Name ?? "-"), new Text(s.Correspondent ? "sender/recipient" : "mentioned"),
                        new Text(string.Join(", ", s.Categories).ToLowerInvariant()),
                        new Text(string.Join("\n", s.Identifiers.Take(6).Select(v => $"{v.Type} {(Reveal ? v.Value ?? v.Masked : v.Masked)}")) + (s.Identifiers.Count > 6 ? "\n..." : "")),
                        new Text(s.Items.Count.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        if (_rows == 0)
        {
            _console.WriteLine(subjects is null ? "No personal data found." : "No data subjects found.");
            return;
        }

        _console.Write(_table);
        if (_rows > MaxRows)
        {
            _console.WriteLine($"{_rows - MaxRows:N0} more rows not shown; use --format jsonl, csv or html for all of them.");
        }
    }

    public override void Dispose()
    {
    }
}

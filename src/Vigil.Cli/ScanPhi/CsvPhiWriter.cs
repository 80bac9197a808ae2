using System.Globalization;
using System.Text;
using Vigil.Cli.Output;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>
/// One row per finding, or with --subjects one row per subject (lists joined with ';'). Cells a spreadsheet would
/// run as a formula are prefixed with a quote.
/// </summary>
internal sealed class CsvPhiWriter : PhiReportWriter
{
    private readonly StreamWriter _out;
    private bool _header;

    public CsvPhiWriter(Stream stream, bool reveal)
        : base(reveal) => _out = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);

    public override void Write(ItemFindings item)
    {
        Header("item,kind,location,part,type,category,value,revealed,confidence,evidence,start,length");
        foreach (var f in item.Findings)
        {
            Row(item.ItemId, item.Kind.ToString().ToLowerInvariant(), item.Location, PartNames.Show(f.Part, Reveal), f.Type,
                f.Category.ToString().ToLowerInvariant(), Shown(f), Reveal ? "true" : "false", f.Confidence.ToString("0.###", CultureInfo.InvariantCulture),
                f.Evidence, f.Position.Start.ToString(CultureInfo.InvariantCulture), f.Position.Length.ToString(CultureInfo.InvariantCulture));
        }
    }

    public override void End(ScanSummary summary, IReadOnlyList<DataSubject>? subjects)
    {
        if (subjects is null)
        {
            Header("item,kind,location,part,type,category,value,revealed,confidence,evidence,start,length");
            return;
        }

        Header("subject,correspondent,name,revealed,linked_by,categories,types,identifiers,items");
        foreach (var s in subjects)
        {
            Row(s.Id, s.Correspondent ? "true" : "false", s.Name ?? "", Reveal ? "true" : "false", string.Join(';', s.LinkedBy),
                string.Join(';', s.Categories.Select(static c => c.ToString().ToLowerInvariant())),
                string.Join(';', s.Types.Select(static t => $"{t.Key}={t.Value}")),
                string.Join(';', s.Identifiers.Select(v => $"{v.Type}={(Reveal ? v.Value ?? v.Masked : v.Masked)}")),
                string.Join(';', s.Items));
        }
    }

    private void Header(string header)
    {
        if (!_header)
        {
            _out.Write(header);
            _out.Write('\n');
            _header = true;
        }
    }

    private void Row(params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _out.Write(',');
            }

            _out.Write(CsvDetectionWriter.Escape(cells[i]));
        }

        _out.Write('\n');
    }

    public override void Dispose() => _out.Dispose();
}

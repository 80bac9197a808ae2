using System.Text;
using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>The data protection officer's report (<see cref="HtmlReport"/>), written when the scan ends.</summary>
internal sealed class HtmlPhiWriter(Stream stream, bool reveal) : PhiReportWriter(reveal)
{
    private readonly StreamWriter _out = new(stream, new UTF8Encoding(false), 1 << 16);

    public override void Write(ItemFindings item)
    {
    }

    public override void End(ScanSummary summary, IReadOnlyList<DataSubject>? subjects) =>
        HtmlReport.Write(_out, summary, subjects, Reveal, TimeProvider.System.GetUtcNow());

    public override void Dispose() => _out.Dispose();
}

using Vigil.Discovery.Reports;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.ScanPhi;

/// <summary>Writes a scan in one format: findings as they come, or subjects and totals at the end.</summary>
internal abstract class PhiReportWriter(bool reveal) : IDisposable
{
    protected bool Reveal { get; } = reveal;

    /// <summary>One item's findings (not called when subjects are reported instead).</summary>
    public abstract void Write(ItemFindings item);

    /// <summary>The end of the scan: the totals, and the subjects when they were linked.</summary>
    public abstract void End(ScanSummary summary, IReadOnlyList<DataSubject>? subjects);

    public abstract void Dispose();

    protected string Shown(Finding f) => Reveal ? f.Value ?? f.Masked : f.Masked;

    public static PhiReportWriter Create(string format, Stream stream, bool reveal, bool terminal) => format switch
    {
        "jsonl" => new JsonlPhiWriter(stream, reveal),
        "csv" => new CsvPhiWriter(stream, reveal),
        "html" => new HtmlPhiWriter(stream, reveal),
        _ => new TablePhiWriter(stream, reveal, terminal),
    };
}

using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Response.Breach;

/// <summary>
/// scan-phi over evidence files or folders, or over one decrypted evidence stream, the subjects linked with their
/// values revealed (they hold patient data: store them only sealed). Used by <c>vigil notify assess</c> and the web
/// app's breach page alike.
/// </summary>
public static class EvidenceScope
{
    /// <summary>Scans <paramref name="paths"/>; each unreadable input or part is reported (location and reason, never content) and skipped.</summary>
    public static EvidenceScopeResult Run(IReadOnlyList<string> paths, PhiVocabulary vocabulary, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Scan((reader, report) => reader.Read(paths, report, cancellationToken), ContentLimits.Default, vocabulary, problem, cancellationToken);
    }

    /// <summary>
    /// Scans one input read from <paramref name="content"/> (seekable; nothing is written to disk except a PST, which
    /// <c>readpst</c> needs as a file: it is spooled into <paramref name="tempFolder"/>, private and deleted on close).
    /// <paramref name="name"/> stands for the file name (its extension tells the kind) in item ids and problems.
    /// </summary>
    public static EvidenceScopeResult Run(Stream content, string name, string tempFolder, PhiVocabulary vocabulary, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(tempFolder);
        var limits = ContentLimits.Default with { TempFolder = tempFolder };
        return Scan((reader, report) => reader.Read(content, name, report, cancellationToken), limits, vocabulary, problem, cancellationToken);
    }

    private static EvidenceScopeResult Scan(Func<ContentReader, Action<ScanProblem>, IEnumerable<ScanItem>> read, ContentLimits limits, PhiVocabulary vocabulary, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(problem);
        var linker = new SubjectLinker();
        var items = 0;
        var problems = 0;
        using var scanner = new PhiScanner(vocabulary, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true });
        var scanned = read(new ContentReader(limits), p =>
        {
            Interlocked.Increment(ref problems);
            problem($"{p.Location}: {p.Reason}");
        });
        foreach (var item in scanner.Scan(scanned, cancellationToken))
        {
            items++;
            linker.Add(item);
        }

        return new EvidenceScopeResult(linker.Build(reveal: true), items, problems);
    }
}

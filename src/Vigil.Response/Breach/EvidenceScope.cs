using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Response.Breach;

/// <summary>
/// scan-phi over evidence files or folders, the subjects linked with their values revealed (they hold patient data:
/// store them only sealed). Used by <c>vigil notify assess</c> and the web app's breach page alike.
/// </summary>
public static class EvidenceScope
{
    /// <summary>Scans <paramref name="paths"/>; each unreadable input or part is reported (location and reason, never content) and skipped.</summary>
    public static EvidenceScopeResult Run(IReadOnlyList<string> paths, PhiVocabulary vocabulary, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(problem);
        var linker = new SubjectLinker();
        var items = 0;
        var problems = 0;
        using var scanner = new PhiScanner(vocabulary, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true });
        var read = new ContentReader(ContentLimits.Default).Read(paths, p =>
        {
            Interlocked.Increment(ref problems);
            problem($"{p.Location}: {p.Reason}");
        }, cancellationToken);
        foreach (var item in scanner.Scan(read, cancellationToken))
        {
            items++;
            linker.Add(item);
        }

        return new EvidenceScopeResult(linker.Build(reveal: true), items, problems);
    }
}

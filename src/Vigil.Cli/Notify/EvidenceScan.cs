using Vigil.Cli.ScanPhi;
using Vigil.Discovery.Extraction;
using Vigil.Discovery.Recognition;
using Vigil.Discovery.Scanning;
using Vigil.Discovery.Subjects;

namespace Vigil.Cli.Notify;

/// <summary>scan-phi over the evidence files, subjects linked with their values (stored only sealed).</summary>
internal static class EvidenceScan
{
    public static (IReadOnlyList<DataSubject> Subjects, int Items, int Problems) Run(IReadOnlyList<string> paths, string? vocabularyFolder, CancellationToken cancellationToken)
    {
        var folder = PhiVocabularyFolder.Find(vocabularyFolder);
        if (folder is null)
        {
            Console.Error.WriteLine("vigil notify assess: no vocabulary folder (--vocabulary or VIGIL_PHI_VOCABULARY): names from lists are not recognised.");
        }

        var vocabulary = folder is null ? PhiVocabulary.Empty : PhiVocabulary.Load(folder, static p => Console.Error.WriteLine($"vocabulary: {p}"));
        var linker = new SubjectLinker();
        var items = 0;
        var problems = 0;
        using var scanner = new PhiScanner(vocabulary, RecogniserOptions.Default, new PhiScannerOptions { KeepValues = true });
        var read = new ContentReader(ContentLimits.Default).Read(paths, p =>
        {
            Interlocked.Increment(ref problems);
            Console.Error.WriteLine($"input: {p.Location}: {p.Reason}");
        }, cancellationToken);
        foreach (var item in scanner.Scan(read, cancellationToken))
        {
            items++;
            linker.Add(item);
        }

        return (linker.Build(reveal: true), items, problems);
    }
}

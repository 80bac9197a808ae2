using Vigil.Cli.ScanPhi;
using Vigil.Discovery.Recognition;
using Vigil.Response.Breach;

namespace Vigil.Cli.Notify;

/// <summary>The CLI's vocabulary lookup and problem printing around <see cref="EvidenceScope"/>.</summary>
internal static class EvidenceScan
{
    public static EvidenceScopeResult Run(IReadOnlyList<string> paths, string? vocabularyFolder, CancellationToken cancellationToken)
    {
        var folder = PhiVocabularyFolder.Find(vocabularyFolder);
        if (folder is null)
        {
            Console.Error.WriteLine("vigil notify assess: no vocabulary folder (--vocabulary or VIGIL_PHI_VOCABULARY): names from lists are not recognised.");
        }

        var vocabulary = folder is null ? PhiVocabulary.Empty : PhiVocabulary.Load(folder, static p => Console.Error.WriteLine($"vocabulary: {p}"));
        return EvidenceScope.Run(paths, vocabulary, static p => Console.Error.WriteLine($"input: {p}"), cancellationToken);
    }
}

using Vigil.Cli.ScanPhi;
using Vigil.Discovery.Recognition;
using Vigil.Response.Breach;
using Vigil.Storage.Incidents;

namespace Vigil.Cli.Notify;

/// <summary>The CLI's vocabulary lookup and problem printing around <see cref="EvidenceScope"/> and <see cref="EvidenceScoping"/>.</summary>
internal static class EvidenceScan
{
    public static EvidenceScopeResult Run(IReadOnlyList<string> paths, string? vocabularyFolder, CancellationToken cancellationToken)
        => EvidenceScope.Run(paths, Vocabulary(vocabularyFolder), Problem, cancellationToken);

    /// <summary>Scans the incident's evidence item <paramref name="evidenceId"/> in place (no plaintext copy); null when it is not the incident's.</summary>
    public static Task<EvidenceScopeResult?> RunAsync(IEvidenceStore evidence, long incidentId, long evidenceId, string actor, string? vocabularyFolder, CancellationToken cancellationToken)
        => EvidenceScoping.ScanAsync(evidence, incidentId, evidenceId, Vocabulary(vocabularyFolder), actor, Problem, cancellationToken);

    private static PhiVocabulary Vocabulary(string? vocabularyFolder)
    {
        var folder = PhiVocabularyFolder.Find(vocabularyFolder);
        if (folder is null)
        {
            Console.Error.WriteLine("vigil notify assess: no vocabulary folder (--vocabulary or VIGIL_PHI_VOCABULARY): names from lists are not recognised.");
        }

        return folder is null ? PhiVocabulary.Empty : PhiVocabulary.Load(folder, static p => Console.Error.WriteLine($"vocabulary: {p}"));
    }

    private static void Problem(string problem) => Console.Error.WriteLine($"input: {problem}");
}

using Vigil.Discovery.Recognition;
using Vigil.Response.Breach;

namespace Vigil.Storage.Incidents;

/// <summary>
/// Scoping a breach from one evidence item, for <c>vigil notify assess --evidence</c> and the web app's breach page
/// alike: scan-phi reads the item's decrypted stream in place (<see cref="IEvidenceStore.OpenReadAsync"/>), so no
/// plaintext copy is written; only a PST, which <c>readpst</c> needs as a file, is spooled into a folder of the data
/// folder's private temporary area, deleted on close and swept after a crash.
/// </summary>
public static class EvidenceScoping
{
    /// <summary>The custody purpose recorded for a scope.</summary>
    public const string Purpose = "scope";

    /// <summary>
    /// Scans item <paramref name="evidenceId"/> of incident <paramref name="incidentId"/>; null when the incident has
    /// no such item. Each unreadable part is passed to <paramref name="problem"/> (location and reason, never content).
    /// </summary>
    /// <exception cref="Protection.ProtectionException">Wrong master key, or the file was altered (the scope is refused).</exception>
    public static async Task<EvidenceScopeResult?> ScanAsync(IEvidenceStore evidence, long incidentId, long evidenceId, PhiVocabulary vocabulary, string actor, Action<string> problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var reading = await evidence.OpenReadAsync(incidentId, evidenceId, Purpose, actor, cancellationToken).ConfigureAwait(false);
        if (reading is null)
        {
            return null;
        }

        await using (reading.ConfigureAwait(false))
        {
            using var temp = evidence.CreatePrivateTemp();
            var name = $"evidence-{evidenceId.ToString(System.Globalization.CultureInfo.InvariantCulture)}{SafeExtension(reading.Item.FileName)}";
            var result = await Task.Run(() => EvidenceScope.Run(reading.Content, name, temp.Path, vocabulary, problem, cancellationToken), cancellationToken).ConfigureAwait(false);
            return reading.Failure is { } failure ? throw failure : result;
        }
    }

    /// <summary>The file name's extension when it is short and plain (it tells the reader the kind), else <c>.bin</c>.</summary>
    public static string SafeExtension(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length is > 1 and <= 10 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : ".bin";
    }
}

using Vigil.Response.Evidence;

namespace Vigil.Storage.Incidents;

/// <summary>Evidence files (encrypted in <c>{DataDirectory}/evidence</c>), the custody log and master key rotation.</summary>
/// <remarks>Thread-safe. Every intake, export, transfer and rotation is appended to the hash-chained custody log.</remarks>
public interface IEvidenceStore
{
    /// <summary>Reads <paramref name="content"/> once: hashes it (SHA-256), encrypts it under a new data key and records the intake.</summary>
    Task<EvidenceItem> AddAsync(long incidentId, string fileName, Stream content, string actor, CancellationToken cancellationToken);

    /// <summary>The incident's evidence, in intake order.</summary>
    Task<IReadOnlyList<EvidenceItem>> ListAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Decrypts item <paramref name="evidenceId"/> into <paramref name="destination"/>, checking its hash, and records the export; null when absent.</summary>
    /// <exception cref="Protection.ProtectionException">Wrong master key, or the file was altered (the hash or an authentication tag does not match).</exception>
    Task<EvidenceItem?> ExportAsync(long incidentId, long evidenceId, Stream destination, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Opens item <paramref name="evidenceId"/> for reading in place (decrypted in memory chunk by chunk, each chunk
    /// authenticated; no plaintext copy on disk) and records custody entry <c>read</c> naming <paramref name="purpose"/>;
    /// null when absent. The caller disposes it.
    /// </summary>
    /// <exception cref="Protection.ProtectionException">Wrong master key, or the file is missing or truncated.</exception>
    Task<EvidenceReading?> OpenReadAsync(long incidentId, long evidenceId, string purpose, string actor, CancellationToken cancellationToken);

    /// <summary>A new folder of the data folder's private temporary area (see <see cref="PrivateTempFolder"/>).</summary>
    PrivateTempFolder CreatePrivateTemp();

    /// <summary>Records that the item was handed to <paramref name="recipient"/>; false when absent.</summary>
    Task<bool> RecordTransferAsync(long incidentId, long evidenceId, string recipient, string actor, CancellationToken cancellationToken);

    /// <summary>The custody log in sequence order (all incidents when <paramref name="incidentId"/> is null).</summary>
    Task<IReadOnlyList<CustodyEntry>> ListCustodyAsync(long? incidentId, CancellationToken cancellationToken);

    /// <summary>Decrypts and re-hashes every file, decrypts every sealed document and checks the custody chain.</summary>
    Task<EvidenceVerification> VerifyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Verifies one incident: its files (decrypt + re-hash against the intake entry), its sealed documents, and the
    /// custody chain (hashes and links of every entry: cheap, and a removed entry of the incident shows only there).
    /// Other incidents' files are not decrypted, unlike <see cref="VerifyAsync"/>.
    /// </summary>
    Task<IncidentVerification> VerifyIncidentAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>
    /// Wraps every data key again under <paramref name="newMasterKey"/> (32 bytes; files are not re-encrypted). When the
    /// key came from the key file, the file is replaced; with <c>VIGIL_MASTER_KEY</c> or an explicit key the caller
    /// must supply the new key from then on. Returns the new key id.
    /// </summary>
    Task<string> RotateMasterKeyAsync(ReadOnlyMemory<byte> newMasterKey, string actor, CancellationToken cancellationToken);
}

namespace Vigil.Storage.Incidents;

/// <summary>An evidence row as stored (name still sealed, key still wrapped).</summary>
internal sealed record EvidenceRow(
    long Id,
    long IncidentId,
    byte[] NameSealed,
    string BlobName,
    long Length,
    string Sha256,
    string KeyId,
    byte[] WrappedKey,
    string AddedBy,
    DateTimeOffset AddedAt);

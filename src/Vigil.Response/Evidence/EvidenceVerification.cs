namespace Vigil.Response.Evidence;

/// <summary>What <c>vigil evidence verify</c> found.</summary>
/// <param name="EntriesChecked">Custody entries checked.</param>
/// <param name="FilesChecked">Evidence files decrypted and re-hashed.</param>
/// <param name="DocumentsChecked">Sealed documents decrypted.</param>
/// <param name="FirstBroken">The first broken item and why, or null when everything is intact.</param>
public sealed record EvidenceVerification(int EntriesChecked, int FilesChecked, int DocumentsChecked, string? FirstBroken)
{
    /// <summary>Whether everything checked is intact.</summary>
    public bool Intact => FirstBroken is null;
}

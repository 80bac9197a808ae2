namespace Vigil.Response.Evidence;

/// <summary>
/// What verifying one incident's evidence checked (every file of the store: <c>vigil evidence verify</c>): the
/// incident's files decrypted and re-hashed against their intake entries, its sealed documents opened, and the whole
/// custody chain walked (hashes and links only, no decryption: cheap), because an entry of the incident removed
/// before its first remaining one shows only in the links from the start.
/// </summary>
/// <param name="IncidentId">The incident.</param>
/// <param name="FilesChecked">The incident's evidence files decrypted and re-hashed.</param>
/// <param name="DocumentsChecked">The incident's sealed documents decrypted.</param>
/// <param name="EntriesChecked">Custody entries checked (hash and link): the whole chain.</param>
/// <param name="IncidentEntries">Of those, the incident's own.</param>
/// <param name="FirstBroken">The first broken item and why, or null when everything checked is intact.</param>
public sealed record IncidentVerification(long IncidentId, int FilesChecked, int DocumentsChecked, int EntriesChecked, int IncidentEntries, string? FirstBroken)
{
    /// <summary>Whether everything checked is intact.</summary>
    public bool Intact => FirstBroken is null;
}

namespace Vigil.Web.Api.Breach;

/// <summary>
/// The result of verifying one incident's evidence: its files and sealed documents, and the custody chain (hashes and
/// links of every entry). Other incidents' files are not re-hashed (the whole store: <c>vigil evidence verify</c>).
/// </summary>
/// <param name="Intact">Everything checked is intact.</param>
/// <param name="IncidentId">The incident verified.</param>
/// <param name="FilesChecked">The incident's evidence files decrypted and re-hashed.</param>
/// <param name="DocumentsChecked">The incident's sealed documents decrypted.</param>
/// <param name="EntriesChecked">Custody entries checked: the whole chain.</param>
/// <param name="IncidentEntries">Of those, the incident's own.</param>
/// <param name="FirstBroken">The first thing found broken, or null.</param>
internal sealed record VerifyAnswer(bool Intact, long IncidentId, int FilesChecked, int DocumentsChecked, int EntriesChecked, int IncidentEntries, string? FirstBroken);

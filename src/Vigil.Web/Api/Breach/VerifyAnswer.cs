namespace Vigil.Web.Api.Breach;

/// <summary>The result of verifying every evidence file, sealed document and the custody chain.</summary>
/// <param name="Intact">Everything checked is intact.</param>
/// <param name="EntriesChecked">Custody entries.</param>
/// <param name="FilesChecked">Evidence files.</param>
/// <param name="DocumentsChecked">Sealed documents.</param>
/// <param name="FirstBroken">The first thing found broken, or null.</param>
internal sealed record VerifyAnswer(bool Intact, int EntriesChecked, int FilesChecked, int DocumentsChecked, string? FirstBroken);

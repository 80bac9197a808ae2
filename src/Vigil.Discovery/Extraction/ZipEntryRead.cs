namespace Vigil.Discovery.Extraction;

/// <summary>One ZIP entry as read: its bytes, or the reason it was not read.</summary>
/// <param name="Number">1-based position among the archive's file entries.</param>
/// <param name="FileName">The entry's name (may name a patient: only ever used in part names).</param>
/// <param name="Bytes">The decompressed bytes, or null when not read.</param>
/// <param name="Problem">Why it was not read, or null.</param>
internal sealed record ZipEntryRead(int Number, string FileName, CappedBuffer? Bytes, string? Problem);

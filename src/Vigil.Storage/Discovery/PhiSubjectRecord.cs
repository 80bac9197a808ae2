namespace Vigil.Storage.Discovery;

/// <summary>One data subject of a scan, masked.</summary>
/// <param name="Seq">Its place in the scan's list (1, 2, ...).</param>
/// <param name="SubjectId">The linker's id (<c>S00001</c>).</param>
/// <param name="Correspondent">A sender or recipient (usually staff), not a patient.</param>
/// <param name="Name">The masked name (initials), or null.</param>
/// <param name="Categories">The categories exposed.</param>
/// <param name="Types">Findings per type.</param>
/// <param name="Identifiers">Distinct values, masked: (type, masked value).</param>
/// <param name="ItemSeqs">The scan's items it appears in (their <see cref="PhiItemRecord.Seq"/>).</param>
public sealed record PhiSubjectRecord(
    long Seq,
    string SubjectId,
    bool Correspondent,
    string? Name,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, long> Types,
    IReadOnlyList<KeyValuePair<string, string>> Identifiers,
    IReadOnlyList<long> ItemSeqs);

namespace Vigil.Storage.Discovery;

/// <summary>What a finished scan stores: counts, the items with findings, their masked findings and the subjects.</summary>
/// <param name="Status"><see cref="PhiScanStatus.Completed"/> or <see cref="PhiScanStatus.Incomplete"/>.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Items">Items scanned.</param>
/// <param name="Problems">Inputs or parts that could not be read.</param>
/// <param name="ByType">Findings per type.</param>
/// <param name="ItemRows">The items with findings, each with its findings (masked).</param>
/// <param name="SubjectRows">The data subjects, in the order to show them.</param>
public sealed record PhiScanResult(
    string Status,
    DateTimeOffset FinishedAt,
    long Items,
    long Problems,
    IReadOnlyDictionary<string, long> ByType,
    IReadOnlyList<PhiItemResult> ItemRows,
    IReadOnlyList<PhiSubjectRecord> SubjectRows);

namespace Vigil.Storage.Discovery;

/// <summary>One PHI scan as stored.</summary>
/// <param name="Id">The store's id.</param>
/// <param name="Path">The file or folder scanned (under an allowed root).</param>
/// <param name="StartedBy">The actor who started it (<c>user:NAME</c>).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it ended, or null while running.</param>
/// <param name="Status">One of <see cref="PhiScanStatus"/>.</param>
/// <param name="Items">Items (messages, documents) scanned so far.</param>
/// <param name="ItemsWithFindings">Items with at least one finding.</param>
/// <param name="Findings">Findings.</param>
/// <param name="Problems">Inputs or parts that could not be read.</param>
/// <param name="Subjects">Data subjects found (correspondents included).</param>
/// <param name="ByType">Findings per type.</param>
/// <param name="Error">Why it failed, or null; never content.</param>
public sealed record PhiScanRecord(
    long Id,
    string Path,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    long Items,
    long ItemsWithFindings,
    long Findings,
    long Problems,
    long Subjects,
    IReadOnlyDictionary<string, long> ByType,
    string? Error);

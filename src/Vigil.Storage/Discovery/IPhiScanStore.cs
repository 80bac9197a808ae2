namespace Vigil.Storage.Discovery;

/// <summary>
/// PHI scans run from the web app and what they found, without patient data: masked values, types, categories, item
/// ids, file locations and offsets only. A value is shown in full only by re-reading the item from its source file.
/// </summary>
/// <remarks>Thread-safe. Each write is one transaction.</remarks>
public interface IPhiScanStore
{
    /// <summary>Records a scan that starts now (status <see cref="PhiScanStatus.Running"/>); returns its id.</summary>
    Task<long> StartAsync(string path, string startedBy, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Records how far a running scan has got.</summary>
    Task ProgressAsync(long scanId, long items, long problems, CancellationToken cancellationToken);

    /// <summary>Stores a scan's results and its final status, in one transaction.</summary>
    Task CompleteAsync(long scanId, PhiScanResult result, CancellationToken cancellationToken);

    /// <summary>Ends a scan that could not finish (<see cref="PhiScanStatus.Failed"/>, <see cref="PhiScanStatus.Interrupted"/>) with a reason that holds no content.</summary>
    Task FailAsync(long scanId, string status, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Scans newest first, below <paramref name="beforeId"/> when given.</summary>
    Task<IReadOnlyList<PhiScanRecord>> ListAsync(long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>One scan, or null.</summary>
    Task<PhiScanRecord?> GetAsync(long scanId, CancellationToken cancellationToken);

    /// <summary>A scan's items riskiest first (score descending, then scan order), after the keyset cursor <paramref name="after"/>.</summary>
    Task<IReadOnlyList<PhiItemRecord>> ItemsAsync(long scanId, PhiItemCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>One item of a scan, or null.</summary>
    Task<PhiItemRecord?> GetItemAsync(long scanId, long itemSeq, CancellationToken cancellationToken);

    /// <summary>An item's findings (masked), in text order.</summary>
    Task<IReadOnlyList<PhiFindingRecord>> FindingsAsync(long scanId, long itemSeq, CancellationToken cancellationToken);

    /// <summary>A scan's data subjects in their stored order (patients with health data first), after <paramref name="afterSeq"/>.</summary>
    Task<IReadOnlyList<PhiSubjectRecord>> SubjectsAsync(long scanId, long afterSeq, int limit, CancellationToken cancellationToken);
}

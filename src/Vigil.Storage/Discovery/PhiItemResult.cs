namespace Vigil.Storage.Discovery;

/// <summary>One item to store with its masked findings.</summary>
/// <param name="Item">The item (its <see cref="PhiItemRecord.ScanId"/> is ignored).</param>
/// <param name="Findings">Its findings, masked, in text order.</param>
public sealed record PhiItemResult(PhiItemRecord Item, IReadOnlyList<PhiFindingRecord> Findings);

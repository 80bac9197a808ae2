using Vigil.Discovery.Extraction;

namespace Vigil.Discovery.Scanning;

/// <summary>What one message or document exposes.</summary>
/// <param name="ItemId">The item's id (<see cref="ScanItem.Id"/>): carries no patient data.</param>
/// <param name="Kind">Message or document.</param>
/// <param name="Location">The file it came from.</param>
/// <param name="Characters">How much text was scanned.</param>
/// <param name="Findings">Its findings, part by part, in text order.</param>
/// <param name="Problems">Parts that could not be scanned; usually none.</param>
public sealed record ItemFindings(string ItemId, ScanItemKind Kind, string Location, long Characters, IReadOnlyList<Finding> Findings, IReadOnlyList<ScanProblem> Problems);

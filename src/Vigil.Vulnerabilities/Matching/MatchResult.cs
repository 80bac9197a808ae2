namespace Vigil.Vulnerabilities.Matching;

/// <summary>What matching an inventory gave.</summary>
/// <param name="Findings">One per (asset, ecosystem, package, advisory), highest priority first.</param>
/// <param name="Problems">Components skipped (unknown ecosystem, unparseable version) and duplicates.</param>
/// <param name="Components">How many components were examined.</param>
public sealed record MatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<MatchProblem> Problems, int Components);

namespace Vigil.Vulnerabilities.Matching;

/// <summary>A component that could not be matched: where it was read (file and item) and why; never its content.</summary>
public sealed record MatchProblem(string Origin, string Reason);

namespace Vigil.Bench.Phi;

/// <summary>One tool's (or configuration's) throughput and per-type precision, recall and F1.</summary>
internal sealed record ToolResult(string Name, double MegabytesPerSecond, IReadOnlyDictionary<string, (double Precision, double Recall, double F1)> Types);

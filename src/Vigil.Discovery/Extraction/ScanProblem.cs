namespace Vigil.Discovery.Extraction;

/// <summary>Something that could not be read: where (item id or path, and part) and why; never the content.</summary>
public sealed record ScanProblem(string Location, string? Part, string Reason);

namespace Vigil.Bench.Web;

/// <summary>One measured request: a name for the table, the path and query, and who asks.</summary>
internal sealed record Target(string Name, string Path, Via Via);

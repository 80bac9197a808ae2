namespace Vigil.Vulnerabilities.Inventory;

/// <summary>An inventory item that was skipped: the file, the item (line, index, bom-ref) and why; never the content.</summary>
public sealed record InventoryProblem(string File, string Item, string Reason);

namespace Vigil.Vulnerabilities.Inventory;

/// <summary>What reading one or more inventory files gave: the components and the items skipped with their reasons.</summary>
public sealed record InventoryReadResult(IReadOnlyList<Component> Components, IReadOnlyList<InventoryProblem> Problems);

namespace Vigil.Vulnerabilities.Inventory;

/// <summary>
/// Collects components and problems. A component that repeats an earlier one on the same asset (same ecosystem, name
/// and version, from the same input identity) is reported once as a duplicate and kept once. Binary packages built
/// from one source package collapse silently into one component: matching is by source package.
/// </summary>
internal sealed class InventorySink(InventoryOptions options)
{
    private readonly Dictionary<(string Asset, string Ecosystem, string Name, string Version), (string Identity, string Origin)> _seen = [];
    private readonly HashSet<(string, string, string, string, string)> _reported = [];

    public InventoryOptions Options { get; } = options;

    public List<Component> Components { get; } = [];

    public List<InventoryProblem> Problems { get; } = [];

    /// <summary>Records a skipped item: where and why, never its content.</summary>
    public void Problem(string file, string item, string reason) => Problems.Add(new InventoryProblem(file, item, reason));

    /// <summary>Adds a component unless it repeats one already read.</summary>
    /// <param name="component">The component.</param>
    /// <param name="identity">What the input called it (purl, binary package name and version) to tell a repeat from a sibling binary.</param>
    /// <param name="file">The file, for a duplicate report.</param>
    /// <param name="item">The item, for a duplicate report.</param>
    public void Add(Component component, string identity, string file, string item)
    {
        var key = (component.Asset, component.Ecosystem, component.Name, component.Version);
        if (!_seen.TryGetValue(key, out var first))
        {
            _seen[key] = (identity, component.Origin);
            Components.Add(component);
        }
        else if (first.Identity == identity && _reported.Add((key.Asset, key.Ecosystem, key.Name, key.Version, identity)))
        {
            Problem(file, item, $"duplicate of {first.Origin}: kept once");
        }
    }

    public InventoryReadResult ToResult() => new(Components, Problems);
}

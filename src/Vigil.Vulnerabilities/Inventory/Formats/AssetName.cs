namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Chooses a component's asset: the caller's option, else what the inventory names, else the file name.</summary>
internal static class AssetName
{
    public static string Of(InventoryOptions options, string? named, string file) =>
        !string.IsNullOrWhiteSpace(options.Asset) ? options.Asset
        : !string.IsNullOrWhiteSpace(named) ? named.Trim()
        : FromFile(file);

    /// <summary>The file name without its inventory extensions (<c>web01.cdx.json</c> → <c>web01</c>).</summary>
    public static string FromFile(string file)
    {
        var name = Path.GetFileName(file);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}

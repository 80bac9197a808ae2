using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Reads a CycloneDX JSON BOM (1.2-1.6): <c>components</c> (nested too), the asset from <c>metadata.component</c>.</summary>
internal static class CycloneDxJson
{
    public static void Read(string file, JsonElement root, InventorySink sink, CancellationToken cancellationToken)
    {
        if (JsonValues.String(root, "bomFormat") != "CycloneDX" || JsonValues.String(root, "specVersion") is null)
        {
            sink.Problem(file, "bom", "bomFormat is not CycloneDX or specVersion is missing (schema-invalid)");
            return;
        }

        var subject = JsonValues.Get(root, "metadata") is { } metadata && JsonValues.Get(metadata, "component") is { } c
            ? JsonValues.String(c, "name")
            : null;
        var asset = AssetName.Of(sink.Options, subject, file);
        if (JsonValues.Get(root, "components") is { } components && components.ValueKind != JsonValueKind.Array)
        {
            sink.Problem(file, "components", "components is not an array (schema-invalid)");
            return;
        }

        Walk(file, root, "components", asset, sink, cancellationToken);
    }

    private static void Walk(string file, JsonElement parent, string path, string asset, InventorySink sink, CancellationToken cancellationToken)
    {
        var index = 0;
        foreach (var component in JsonValues.Items(parent, "components"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"{path}[{index++}]";
            if (component.ValueKind != JsonValueKind.Object)
            {
                sink.Problem(file, item, "not an object (schema-invalid)");
                continue;
            }

            new SbomEntry(
                file,
                item,
                asset,
                JsonValues.String(component, "type"),
                JsonValues.String(component, "name"),
                JsonValues.String(component, "version"),
                JsonValues.String(component, "purl"),
                JsonValues.String(component, "cpe")).AddTo(sink);
            Walk(file, component, $"{item}.components", asset, sink, cancellationToken);
        }
    }
}

using System.Text.Json;
using Vigil.Vulnerabilities.Feeds.Formats;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>
/// Reads an SPDX 2.x JSON document: each package by its <c>externalRefs</c> purl (else <c>cpe23Type</c>), the asset
/// from the document name. A described package (<c>documentDescribes</c>, <c>DESCRIBES</c>) without a purl or CPE is the
/// subject and skipped quietly; any other package without one is reported.
/// </summary>
internal static class SpdxJson
{
    public static void Read(string file, JsonElement root, InventorySink sink, CancellationToken cancellationToken)
    {
        if (JsonValues.String(root, "spdxVersion") is not { } version || !version.StartsWith("SPDX-2.", StringComparison.Ordinal))
        {
            sink.Problem(file, "document", "spdxVersion is not SPDX-2.x");
            return;
        }

        var asset = AssetName.Of(sink.Options, JsonValues.String(root, "name"), file);
        var described = JsonValues.Strings(root, "documentDescribes").ToHashSet(StringComparer.Ordinal);
        foreach (var relation in JsonValues.Items(root, "relationships"))
        {
            if (JsonValues.String(relation, "relationshipType") == "DESCRIBES" && JsonValues.String(relation, "relatedSpdxElement") is { } id)
            {
                described.Add(id);
            }
        }

        var index = 0;
        foreach (var package in JsonValues.Items(root, "packages"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"packages[{index++}]";
            if (package.ValueKind != JsonValueKind.Object)
            {
                sink.Problem(file, item, "not an object (schema-invalid)");
                continue;
            }

            string? purl = null;
            string? cpe = null;
            foreach (var reference in JsonValues.Items(package, "externalRefs"))
            {
                var locator = JsonValues.String(reference, "referenceLocator");
                switch (JsonValues.String(reference, "referenceType"))
                {
                    case "purl":
                        purl ??= locator;
                        break;
                    case "cpe23Type":
                        cpe ??= locator;
                        break;
                    default:
                        break;
                }
            }

            // The described package is the document's subject; with no identifiers it is not software to match.
            var type = described.Contains(JsonValues.String(package, "SPDXID") ?? string.Empty) ? "platform" : null;
            new SbomEntry(file, item, asset, type, JsonValues.String(package, "name"), JsonValues.String(package, "versionInfo"), purl, cpe).AddTo(sink);
        }
    }
}

using System.Xml;
using System.Xml.Linq;

namespace Vigil.Vulnerabilities.Inventory.Formats;

/// <summary>Reads a CycloneDX XML BOM (1.2-1.6): <c>components/component</c> (nested too), the asset from <c>metadata/component</c>.</summary>
/// <remarks>DTDs are refused (no entity expansion or external fetches from an untrusted file).</remarks>
internal static class CycloneDxXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    public static void Read(string file, InventorySink sink, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(file, Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            sink.Problem(file, "bom", $"malformed XML (or a DTD, which is refused) at line {Math.Max(1, ex.LineNumber)}");
            return;
        }

        var root = document.Root!;
        XNamespace ns = root.Name.Namespace;
        if (root.Name.LocalName != "bom" || !ns.NamespaceName.StartsWith("http://cyclonedx.org/schema/bom/", StringComparison.Ordinal))
        {
            sink.Problem(file, "bom", "not a CycloneDX BOM (root element or namespace)");
            return;
        }

        var subject = root.Element(ns + "metadata")?.Element(ns + "component")?.Element(ns + "name")?.Value;
        var asset = AssetName.Of(sink.Options, subject, file);
        Walk(file, root, "components", ns, asset, sink, cancellationToken);
    }

    private static void Walk(string file, XElement parent, string path, XNamespace ns, string asset, InventorySink sink, CancellationToken cancellationToken)
    {
        var index = 0;
        foreach (var component in parent.Elements(ns + "components").Elements(ns + "component"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = $"{path}[{index++}]";
            new SbomEntry(
                file,
                item,
                asset,
                component.Attribute("type")?.Value,
                component.Element(ns + "name")?.Value,
                component.Element(ns + "version")?.Value,
                component.Element(ns + "purl")?.Value,
                component.Element(ns + "cpe")?.Value).AddTo(sink);
            Walk(file, component, $"{item}.components", ns, asset, sink, cancellationToken);
        }
    }
}

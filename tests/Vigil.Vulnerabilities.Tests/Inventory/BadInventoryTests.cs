using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class BadInventoryTests
{
    private const string Good = """{"name":"lodash","version":"4.17.20","type":"library","purl":"pkg:npm/lodash@4.17.20"}""";

    [Theory]
    [InlineData("truncated.cdx.json", """{"bomFormat":"CycloneDX","specVersion":"1.5","components":[{"name":"lod""", "document", "malformed JSON at line 1")]
    [InlineData("format.cdx.json", """{"bomFormat":"SPDX","specVersion":"1.5","components":[]}""", "bom", "bomFormat is not CycloneDX or specVersion is missing (schema-invalid)")]
    [InlineData("components.cdx.json", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":{"name":"x"}}""", "components", "components is not an array (schema-invalid)")]
    [InlineData("unknown.cdx.json", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","version":"1","purl":"pkg:foo/x@1"}]}""", "components[0]", "no OSV ecosystem for purl type 'foo'")]
    [InlineData("noid.cdx.json", """{"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"x","version":"1"}]}""", "components[0]", "no purl or CPE 2.3 name: cannot be matched")]
    [InlineData("bad.cdx.xml", """<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>x</name>""", "bom", "malformed XML (or a DTD, which is refused) at line 1")]
    [InlineData("dtd.cdx.xml", """<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY x "y">]><bom xmlns="http://cyclonedx.org/schema/bom/1.5"/>""", "bom", "malformed XML (or a DTD, which is refused) at line 1")]
    [InlineData("other.xml", """<root/>""", "bom", "not a CycloneDX BOM (root element or namespace)")]
    [InlineData("spdx.json", """{"spdxVersion":"SPDX-3.0","packages":[]}""", "document", "spdxVersion is not SPDX-2.x")]
    [InlineData("random.json", """{"hello":"world"}""", "file", "a JSON object that is neither CycloneDX, SPDX nor an osquery result")]
    [InlineData("notes.txt", "just some notes\nabout nothing\n", "file", "not an inventory format Vigil reads (CycloneDX, SPDX, dpkg status, rpm -qa, osquery, Vigil CSV)")]
    [InlineData("empty.txt", "  \n", "file", "empty")]
    public void Bad_input_is_reported_with_file_and_item(string name, string text, string item, string reason)
    {
        using var temp = new TempFiles();
        var file = temp.Write(name, text);
        var result = InventoryReader.Read([file]);
        Assert.Empty(result.Components);
        Assert.Equal(new InventoryProblem(file, item, reason), Assert.Single(result.Problems));
    }

    [Fact]
    public void Duplicates_across_files_of_one_asset_are_reported_once_and_kept_once()
    {
        using var temp = new TempFiles();
        var bom = $$$"""{"bomFormat":"CycloneDX","specVersion":"1.6","metadata":{"component":{"type":"application","name":"web01"}},"components":[{{{Good}}},{{{Good}}},{{{Good}}}]}""";
        var a = temp.Write("a.cdx.json", bom);
        var b = temp.Write("b.cdx.json", bom);
        var result = InventoryReader.Read([temp.Folder]);
        var component = Assert.Single(result.Components);
        Assert.Equal(("web01", "npm", "lodash", "4.17.20"), (component.Asset, component.Ecosystem, component.Name, component.Version));
        Assert.Equal(new InventoryProblem(a, "components[1]", $"duplicate of {a}#components[0]: kept once"), Assert.Single(result.Problems));
        Assert.DoesNotContain(result.Problems, p => p.File == b);
    }

    [Fact]
    public void A_missing_path_is_reported_and_the_other_files_still_read()
    {
        using var temp = new TempFiles();
        var good = temp.Write("good.cdx.json", $$"""{"bomFormat":"CycloneDX","specVersion":"1.4","components":[{{Good}}]}""");
        var missing = Path.Combine(temp.Folder, "missing.cdx.json");
        var result = InventoryReader.Read([missing, good]);
        Assert.Single(result.Components);
        Assert.Equal(new InventoryProblem(missing, "file", "no such file or folder"), Assert.Single(result.Problems));
    }
}

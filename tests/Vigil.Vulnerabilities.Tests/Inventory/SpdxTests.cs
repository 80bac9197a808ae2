using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class SpdxTests
{
    [Fact]
    public void Packages_read_by_purl_else_CPE_and_the_described_package_is_the_subject()
    {
        using var temp = new TempFiles();
        var file = temp.Write("ris.spdx.json", """
            {"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"ris-app-2.1","documentDescribes":["SPDXRef-root"],
             "packages":[
               {"SPDXID":"SPDXRef-root","name":"ris-app","versionInfo":"2.1"},
               {"SPDXID":"SPDXRef-1","name":"log4j-core","versionInfo":"2.14.1","externalRefs":[
                 {"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                 {"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"}]},
               {"SPDXID":"SPDXRef-2","name":"tomcat","versionInfo":"9.0.40","externalRefs":[
                 {"referenceCategory":"SECURITY","referenceType":"cpe23Type","referenceLocator":"cpe:2.3:a:apache:tomcat:9.0.40:*:*:*:*:*:*:*"}]},
               {"SPDXID":"SPDXRef-3","name":"vendored-thing","versionInfo":"1.0"}]}
            """);
        var result = InventoryReader.Read([file]);
        Assert.Equal(
            [("ris-app-2.1", "Maven", "org.apache.logging.log4j:log4j-core", "2.14.1"), ("ris-app-2.1", "cpe", "tomcat", "9.0.40")],
            result.Components.Select(c => (c.Asset, c.Ecosystem, c.Name, c.Version)));
        Assert.Equal("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*", result.Components[0].Cpe);
        Assert.Equal(new InventoryProblem(file, "packages[3]", "no purl or CPE 2.3 name: cannot be matched"), Assert.Single(result.Problems));
    }
}

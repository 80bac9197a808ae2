using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class VigilCsvTests
{
    [Fact]
    public void Rows_become_CPE_components_and_Exchange_servers_by_build()
    {
        using var temp = new TempFiles();
        var file = temp.Write("assets.csv", """
            host,vendor,product,version,criticality,holds_patient_data
            pacs01,"Acme Imaging, Inc",PACS Viewer,7.2.1,critical,yes
            exch01,Microsoft,Exchange Server,15.1.2176.2,high,true
            exch02,Microsoft,Exchange Server 2016,CU19,high,false
            kiosk,Acme,Kiosk,1.0,urgent,no
            lab,Acme,Analyzer,2.0,,maybe
            short,row
            ,Acme,Thing,1.0,low,no
            pacs01,"Acme Imaging, Inc",PACS Viewer,7.2.1,critical,yes
            """);
        var result = InventoryReader.Read([file]);
        Assert.Equal(
            [
                ("pacs01", "cpe", "PACS Viewer", "7.2.1", "critical", true),
                ("exch01", "Exchange", "Exchange Server", "15.1.2176.2", "high", true),
                ("exch02", "cpe", "Exchange Server 2016", "CU19", "high", false),
            ],
            result.Components.Select(c => (c.Asset, c.Ecosystem, c.Name, c.Version, c.Criticality!, c.HoldsPatientData)));
        Assert.Equal("cpe:2.3:a:acme_imaging\\,_inc:pacs_viewer:7.2.1:*:*:*:*:*:*:*", result.Components[0].Cpe);
        Assert.Equal(
            [
                ("line 5", "criticality is not low, medium, high or critical"),
                ("line 6", "holds_patient_data is not true/false/yes/no/1/0"),
                ("line 7", "2 fields where the header has 6"),
                ("line 8", "host, product and version are required"),
                ("line 9", $"duplicate of {file}#line 2: kept once"),
            ],
            result.Problems.Select(p => (p.Item, p.Reason)));
    }
}

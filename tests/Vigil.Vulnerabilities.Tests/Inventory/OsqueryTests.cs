using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class OsqueryTests
{
    [Fact]
    public void An_osqueryi_array_of_deb_packages_reads_source_packages_with_every_value_a_string()
    {
        using var temp = new TempFiles();
        var file = temp.Write("ws-12.json", """
            [
              {"name":"bash","version":"5.2.15-2+b8","source":"bash (5.2.15-2)","size":"7000","arch":"amd64","revision":"2+b8","status":"install ok installed","maintainer":"m","section":"shells","priority":"required","admindir":"/var/lib/dpkg"},
              {"name":"bsdutils","version":"1:2.38.1-5+deb12u3","source":"util-linux (2.38.1-5+deb12u3)","size":"300","arch":"amd64","revision":"5+deb12u3","status":"install ok installed","maintainer":"m","section":"utils","priority":"required","admindir":"/var/lib/dpkg"},
              {"name":"old","version":"1.0","source":"","size":"1","arch":"amd64","revision":"","status":"deinstall ok config-files","maintainer":"m","section":"x","priority":"optional","admindir":"/var/lib/dpkg"}
            ]
            """);
        var result = InventoryReader.Read([file], new InventoryOptions(DistroRelease: "Debian:12"));
        Assert.Empty(result.Problems);
        Assert.Equal([("ws-12", "bash", "5.2.15-2"), ("ws-12", "util-linux", "2.38.1-5+deb12u3")], result.Components.Select(c => (c.Asset, c.Name, c.Version)));
    }

    [Fact]
    public void The_results_log_replays_added_and_removed_rows_per_host()
    {
        using var temp = new TempFiles();
        var file = temp.Write("osqueryd.results.log", """
            {"name":"pack_vigil_rpm_packages","hostIdentifier":"db01","calendarTime":"x","unixTime":1,"epoch":0,"counter":0,"numerics":false,"columns":{"name":"bash","version":"5.1.8","release":"6.el9","epoch":"","arch":"x86_64","sha1":"a"},"action":"added"}
            {"name":"pack_vigil_rpm_packages","hostIdentifier":"db01","calendarTime":"x","unixTime":2,"epoch":0,"counter":1,"numerics":true,"columns":{"name":"openssl-libs","version":"3.0.7","release":"27.el9","epoch":1,"arch":"x86_64","sha1":"b"},"action":"added"}
            {"name":"pack_vigil_rpm_packages","hostIdentifier":"db01","calendarTime":"x","unixTime":3,"epoch":0,"counter":2,"numerics":false,"columns":{"name":"bash","version":"5.1.8","release":"6.el9","epoch":"","arch":"x86_64","sha1":"a"},"action":"removed"}
            {"name":"pack_vigil_rpm_packages","hostIdentifier":"db01","calendarTime":"x","unixTime":3,"epoch":0,"counter":2,"numerics":false,"columns":{"name":"bash","version":"5.1.8","release":"9.el9","epoch":"0","arch":"x86_64","sha1":"c"},"action":"added"}
            {"name":"pack_vigil_programs","hostIdentifier":"exch01","snapshot":[{"name":"Microsoft Exchange Server","version":"15.1.2176.2","publisher":"Microsoft Corporation","install_location":"C:\\x","identifying_number":"{1}"},{"name":"7-Zip 19.00 (x64)","version":"19.00","publisher":"Igor Pavlov","install_location":"","identifying_number":""}],"action":"snapshot"}
            {"name":"pack_vigil_patches","hostIdentifier":"exch01","columns":{"csname":"EXCH01","hotfix_id":"KB5001779","caption":"","description":"Security Update","installed_on":"4/14/2021"},"action":"added"}
            {"name":"pack_vigil_patches","hostIdentifier":"exch01","columns":{"broken":
            """);
        var result = InventoryReader.Read([file], new InventoryOptions(DistroRelease: "AlmaLinux:9"));
        Assert.Equal(
            [
                ("db01", "AlmaLinux:9", "openssl-libs", "1:3.0.7-27.el9"), ("db01", "AlmaLinux:9", "bash", "5.1.8-9.el9"),
                ("exch01", "Exchange", "Exchange Server", "15.1.2176.2"), ("exch01", "cpe", "7-Zip 19.00 (x64)", "19.00"),
                ("exch01", "Windows KB", "KB5001779", "installed"),
            ],
            result.Components.Select(c => (c.Asset, c.Ecosystem, c.Name, c.Version)));
        Assert.Equal("cpe:2.3:a:igor_pavlov:7-zip_19.00_\\(x64\\):19.00:*:*:*:*:*:*:*", result.Components[3].Cpe);
        Assert.Equal(new InventoryProblem(file, "line 7", "malformed JSON at line 1"), Assert.Single(result.Problems));
    }
}

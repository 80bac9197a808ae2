using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class DpkgStatusTests
{
    public static TheoryData<string> Accepted => new()
    {
        "debian12-workplace-image", "single", "statusfield", "trailingnewlines", "transitional", "transitional_dummy", "transitional_empty", "valid",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Installed_source_packages_are_those_dpkg_query_lists_as_installed(string name)
    {
        var folder = VulnData.Path("vectors/dpkg-status");
        var expected = File.ReadAllLines(Path.Combine(folder, $"{name}.dpkg-query.txt"))
            .Select(line => line.Split('\t'))
            .Where(f => f[0].Length >= 2 && f[0][1] == 'i')
            .Select(f => (f[3], f[4]))
            .ToHashSet();
        var result = InventoryReader.Read([Path.Combine(folder, $"{name}.status")], new InventoryOptions(DistroRelease: "Debian:12"));
        // dpkg-query drops a stanza without Status with a warning; Vigil reports it.
        Assert.All(result.Problems, p => Assert.Equal("no Status field (dpkg drops such a stanza)", p.Reason));
        Assert.Equal(name == "statusfield" ? 1 : 0, result.Problems.Count);
        Assert.Equal(expected.Order(), result.Components.Select(c => (c.Name, c.Version)).Order());
        Assert.All(result.Components, c => Assert.Equal("Debian:12", c.Ecosystem));
    }

    [Fact]
    public void The_Debian_12_image_has_the_binNMU_and_source_version_cases()
    {
        var result = InventoryReader.Read([VulnData.Path("vectors/dpkg-status/debian12-workplace-image.status")], new InventoryOptions("workstation-7", "Debian:12"));
        Assert.Contains(result.Components, c => c.Name == "bash" && c.Version == "5.2.15-2" && c.Purl!.Contains("bash@5.2.15-2%2Bb", StringComparison.Ordinal));
        Assert.Contains(result.Components, c => c.Name == "util-linux" && c.Version == "2.38.1-5+deb12u3");
        Assert.All(result.Components, c => Assert.Equal("workstation-7", c.Asset));
    }

    [Theory]
    [InlineData("nopackage", "stanza at line 5", "no Package field", 2)]
    [InlineData("noversion", "stanza at line 5", "an installed package without a Version field", 2)]
    public void A_stanza_dpkg_rejects_is_reported_and_the_others_kept(string name, string item, string reason, int kept)
    {
        var file = VulnData.Path($"vectors/dpkg-status/{name}.status");
        var result = InventoryReader.Read([file]);
        Assert.Equal(new InventoryProblem(file, item, reason), Assert.Single(result.Problems));
        Assert.Equal(kept, result.Components.Count);
        Assert.All(result.Components, c => Assert.Equal("Debian", c.Ecosystem));
    }

    [Fact]
    public void A_file_without_a_final_newline_is_read_to_its_last_stanza()
    {
        var file = VulnData.Path("vectors/dpkg-status/osv-scanner-locks-many.status");
        var stanzas = File.ReadAllText(file).Split("\n\n").Count(s => s.Contains("Status: install ok installed", StringComparison.Ordinal));
        var result = InventoryReader.Read([file]);
        Assert.Empty(result.Problems);
        Assert.Equal(stanzas, result.Components.Count);
    }

    [Fact]
    public void The_release_comes_from_an_os_release_file_in_the_root_file_system()
    {
        using var temp = new TempFiles();
        temp.Write("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n");
        var status = temp.Write("var/lib/dpkg/status", "Package: acl\nStatus: install ok installed\nVersion: 2.3.1-3\n");
        var component = Assert.Single(InventoryReader.Read([status]).Components);
        Assert.Equal("Debian:12", component.Ecosystem);
    }

    [Fact]
    public void A_line_that_is_not_a_field_spoils_only_its_stanza()
    {
        using var temp = new TempFiles();
        var status = temp.Write("status", "Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nnot a field\nStatus: install ok installed\nVersion: 2\n\nPackage: c\nStatus: install ok installed\nVersion: 3\n");
        var result = InventoryReader.Read([status]);
        Assert.Equal(["a", "c"], result.Components.Select(c => c.Name));
        Assert.Equal(new InventoryProblem(status, "stanza at line 5", "line 6 is not a field"), Assert.Single(result.Problems));
    }
}

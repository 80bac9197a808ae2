using Vigil.Vulnerabilities.Inventory;
using Vigil.Vulnerabilities.Tests.Feeds;

namespace Vigil.Vulnerabilities.Tests.Inventory;

public sealed class RpmListTests
{
    private const string List = """
        bash-5.1.8-9.el9.x86_64
        openssl-libs-1:3.0.7-27.el9.x86_64
        gpg-pubkey-b86b3716-61e69f29
        tzdata-2024a-1.el9.noarch
        kernel-core	5.14.0-427.13.1.el9_4	x86_64
        shadow-utils 2 4.9 8.el9 x86_64
        glibc (none) 2.34 100.el9 x86_64
        this is not a package line at all
        bash-5.1.8-9.el9.x86_64
        """;

    [Fact]
    public void NEVRA_and_query_format_lines_read_with_epochs_and_the_distribution_given()
    {
        using var temp = new TempFiles();
        var file = temp.Write("db01.rpm-qa.txt", List);
        var result = InventoryReader.Read([file], new InventoryOptions(DistroRelease: "AlmaLinux:9"));
        Assert.Equal(
            [
                ("bash", "5.1.8-9.el9"), ("openssl-libs", "1:3.0.7-27.el9"), ("tzdata", "2024a-1.el9"), ("kernel-core", "5.14.0-427.13.1.el9_4"),
                ("shadow-utils", "2:4.9-8.el9"), ("glibc", "2.34-100.el9"),
            ],
            result.Components.Select(c => (c.Name, c.Version)));
        Assert.All(result.Components, c => Assert.Equal(("AlmaLinux:9", "db01"), (c.Ecosystem, c.Asset)));
        Assert.Equal("pkg:rpm/almalinux/openssl-libs@3.0.7-27.el9?arch=x86_64&epoch=1", result.Components[1].Purl);
        Assert.Equal(
            [new InventoryProblem(file, "line 8", "not an rpm package (NEVRA, or NAME EVR ARCH)"), new InventoryProblem(file, "line 9", "duplicate of " + file + "#line 1: kept once")],
            result.Problems);
    }

    [Fact]
    public void Without_a_distribution_the_components_are_kept_and_the_file_reported()
    {
        using var temp = new TempFiles();
        var file = temp.Write("host.txt", "bash-5.1.8-9.el9.x86_64\n");
        var result = InventoryReader.Read([file]);
        Assert.Equal("RPM", Assert.Single(result.Components).Ecosystem);
        Assert.Equal("file", Assert.Single(result.Problems).Item);
    }

    [Fact]
    public void The_distribution_comes_from_an_os_release_file_beside_the_list()
    {
        using var temp = new TempFiles();
        temp.Write("os-release", "NAME=\"AlmaLinux\"\nID=\"almalinux\"\nVERSION_ID=\"9.4\"\n");
        temp.Write("packages.txt", "bash-5.1.8-9.el9.x86_64\n");
        var result = InventoryReader.Read([temp.Folder]);
        Assert.Empty(result.Problems);
        Assert.Equal("AlmaLinux:9", Assert.Single(result.Components).Ecosystem);
    }
}

namespace Vigil.Vulnerabilities.Tests.Feeds;

/// <summary>Finds <c>../shared/data/vuln</c> beside the repository (the folder holding Vigil.slnx), failing clearly when absent.</summary>
internal static class VulnData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Vigil.slnx")))
        {
            folder = folder.Parent;
        }

        return folder is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder.FullName, "..", "shared", "data", "vuln"));
    });

    /// <summary>The full path of <paramref name="relative"/> under data/vuln; the test fails with the expected path when absent.</summary>
    public static string Path(string relative)
    {
        Assert.True(Root.Value is not null, $"No Vigil.slnx above {AppContext.BaseDirectory}: cannot locate the repository.");
        var path = System.IO.Path.Combine(Root.Value!, relative);
        Assert.True(
            File.Exists(path) || Directory.Exists(path),
            $"The shared vulnerability data is absent: expected {path}. This test reads real data and does not pass without it.");
        return path;
    }
}

namespace Vigil.Vulnerabilities.Tests.Versions;

/// <summary>Finds <c>../shared/data/vuln</c> beside the repository, failing clearly when it is absent.</summary>
internal static class VulnData
{
    /// <summary>Full path of <paramref name="relative"/> under the shared vuln data; fails the test when absent.</summary>
    public static string Path(string relative)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "Vigil.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.True(folder is not null, $"No Vigil.slnx above {AppContext.BaseDirectory}: cannot locate the repository.");
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder!.FullName, "..", "shared", "data", "vuln", relative));
        Assert.True(
            File.Exists(full) || Directory.Exists(full),
            $"Shared test data is absent: expected {full}. This conformance test needs it and does not pass without it.");
        return full;
    }
}

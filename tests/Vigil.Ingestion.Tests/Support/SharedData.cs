namespace Vigil.Ingestion.Tests.Support;

/// <summary>Finds the shared test data (<c>../shared/data</c> beside the repository), failing clearly when absent.</summary>
public static class SharedData
{
    /// <summary>The shared data folder; the test fails with the expected path when it or <paramref name="required"/> is absent.</summary>
    public static string Folder(string required = "sigma/regression_data")
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Vigil.slnx")))
        {
            folder = folder.Parent;
        }

        Assert.True(folder is not null, $"No Vigil.slnx above {AppContext.BaseDirectory}: cannot locate the repository.");
        var data = Path.GetFullPath(Path.Combine(folder!.FullName, "..", "shared", "data"));
        var expected = Path.Combine(data, required);
        Assert.True(
            Directory.Exists(expected),
            $"The shared data folder is absent: expected {expected}. This conformance test needs it and does not pass without it.");
        return data;
    }
}

namespace Vigil.Detection.Tests.Support;

/// <summary>Paths to the repository and to the shared third-party data beside it (never copied into the repo).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Config(string name) => Path.Combine(Root, "config", name);

    /// <summary>A folder under <c>../shared/data</c>; fails the test with a clear message when it is absent.</summary>
    public static string SharedData(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Fail($"The shared data '{path}' is absent: these conformance tests read SigmaHQ's data in place (see README, Tests).");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}

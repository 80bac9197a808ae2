namespace Vigil.Bench;

/// <summary>Where the repository, the shared third-party data and the benchmark's scratch folder are.</summary>
internal static class BenchPaths
{
    public static string Root { get; } = FindRoot();

    public static string Out => Directory.CreateDirectory(Path.Combine(Root, "bench", "out")).FullName;

    public static string SharedData(string relative) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", relative));

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

namespace Vigil.Cli.ScanPhi;

/// <summary>Where the name, ICD-10 and BNF lists are: given, else VIGIL_PHI_VOCABULARY, else a development checkout's.</summary>
internal static class PhiVocabularyFolder
{
    public static string? Find(string? given)
    {
        if (!string.IsNullOrEmpty(given))
        {
            return given;
        }

        if (Environment.GetEnvironmentVariable("VIGIL_PHI_VOCABULARY") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "phi"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}

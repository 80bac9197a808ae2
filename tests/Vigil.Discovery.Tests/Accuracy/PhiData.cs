using System.IO.Compression;
using Vigil.Discovery.Recognition;

namespace Vigil.Discovery.Tests.Accuracy;

/// <summary>Finds ../shared/data/phi next to the repository and loads its vocabulary once per test run.</summary>
internal static class PhiData
{
    private static readonly Lazy<PhiVocabulary> SharedVocabulary = new(() => PhiVocabulary.Load(Folder));

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir is not null, "Vigil.slnx not found above the test binaries: cannot locate ../shared/data/phi");
            var folder = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "data", "phi"));
            Assert.True(Directory.Exists(folder), $"PHI test data missing: expected {folder} (see shared/data/phi/README.md)");
            return folder;
        }
    }

    public static PhiVocabulary Vocabulary => SharedVocabulary.Value;

    public static string DataFile(string relative)
    {
        var path = Path.Combine(Folder, relative);
        Assert.True(System.IO.File.Exists(path), $"PHI test data file missing: {path}");
        return path;
    }

    public static string ReadGzipText(string relative)
    {
        using var stream = new GZipStream(System.IO.File.OpenRead(DataFile(relative)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        return reader.ReadToEnd();
    }

    public static IEnumerable<string> ReadGzipLines(string relative)
    {
        using var stream = new GZipStream(System.IO.File.OpenRead(DataFile(relative)), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}

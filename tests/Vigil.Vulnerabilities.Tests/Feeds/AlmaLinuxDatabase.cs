using System.IO.Compression;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Tests.Feeds;

/// <summary>The complete AlmaLinux OSV database, read once for the tests that look at it.</summary>
public sealed class AlmaLinuxDatabase
{
    public AlmaLinuxDatabase()
    {
        Folder = VulnData.Path("osv/almalinux");
        Zips = Directory.GetFiles(Folder, "*.zip").Order(StringComparer.Ordinal).ToArray();
        Result = FeedReader.Read(Zips);
    }

    public string Folder { get; }

    public string[] Zips { get; }

    public FeedReadResult Result { get; }

    /// <summary>The JSON entries of the zips, counted with the framework's zip reader alone.</summary>
    public int EntryCount() => Zips.Sum(zip =>
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Count(e => e.FullName.EndsWith(".json", StringComparison.Ordinal));
    });
}

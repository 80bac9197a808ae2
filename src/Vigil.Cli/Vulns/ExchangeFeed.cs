using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Exchange;
using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Cli.Vulns;

/// <summary>
/// The Exchange build tables among feed paths: a folder holding <c>exchange-build-numbers.csv</c> (and
/// <c>exchange-su-fixed-cves.csv</c>). Imported as the two files' text (kind <c>exchange</c>), so a scan rebuilds the
/// catalogue exactly as <see cref="ExchangeCatalog.Load"/> reads it.
/// </summary>
internal static class ExchangeFeed
{
    public const string Kind = "exchange";
    private const string BuildsFile = "exchange-build-numbers.csv";
    private const string FixesFile = "exchange-su-fixed-cves.csv";

    /// <summary>The folders among or under <paramref name="paths"/> that hold the Exchange tables.</summary>
    public static List<string> Folders(IEnumerable<string> paths)
    {
        var folders = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path) && Path.GetFileName(path) == BuildsFile)
            {
                folders.Add(Path.GetDirectoryName(Path.GetFullPath(path))!);
            }
            else if (Directory.Exists(path))
            {
                folders.AddRange(Directory.EnumerateFiles(path, BuildsFile, SearchOption.AllDirectories).Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!));
            }
        }

        return [.. folders.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether a feed problem is about a file of an Exchange folder (read here, not by the feed reader).</summary>
    public static bool Covers(IReadOnlyList<string> folders, FeedProblem problem) =>
        folders.Any(f => string.Equals(Path.GetDirectoryName(Path.GetFullPath(problem.File)), f, StringComparison.Ordinal));

    public static ExchangeCatalog? Load(IReadOnlyList<string> folders, List<FeedProblem> problems) =>
        folders.Count == 0 ? null : ExchangeCatalog.Load(folders[^1], problems);

    public static async Task<int> ImportAsync(IVigilStore store, string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        foreach (var name in (string[])[BuildsFile, FixesFile])
        {
            var file = Path.Combine(folder, name);
            if (File.Exists(file))
            {
                items.Add(new FeedItem(Kind, name, await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false)));
            }
        }

        return await store.Vulnerabilities.ImportFeedAsync(items, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The catalogue from the imported tables, or null when none were imported.</summary>
    public static async Task<ExchangeCatalog?> LoadAsync(IVigilStore store, List<FeedProblem> problems, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vigil-exchange-");
        try
        {
            var any = false;
            await foreach (var item in store.Vulnerabilities.ReadFeedAsync(Kind, cancellationToken).ConfigureAwait(false))
            {
                if (item.Key is BuildsFile or FixesFile)
                {
                    await File.WriteAllTextAsync(Path.Combine(folder.FullName, item.Key), item.Body, cancellationToken).ConfigureAwait(false);
                    any = true;
                }
            }

            return any ? ExchangeCatalog.Load(folder.FullName, problems) : null;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

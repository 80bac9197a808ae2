using Vigil.Storage;
using Vigil.Storage.Vulnerabilities;
using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Matching;

namespace Vigil.Cli.Vulns;

/// <summary>
/// Imported feeds in the store: one row per advisory (by id and ecosystems), KEV entry, EPSS score and NVD record (by CVE), each the
/// compact JSON of the parsed record, so a re-import replaces what changed and a scan rebuilds the index from rows.
/// </summary>
internal static class FeedStore
{
    public const string Osv = "osv";
    public const string Kev = "kev";
    public const string Epss = "epss";
    public const string Nvd = "nvd";

    public static async Task<int> ImportAsync(IVigilStore store, FeedReadResult feeds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>(feeds.Advisories.Count + feeds.Kev.Count + feeds.Epss.Count + feeds.Nvd.Count);
        items.AddRange(feeds.Advisories.Select(a => new FeedItem(Osv, FeedIndex.StorageKey(a), VulnJson.Write(a))));
        items.AddRange(feeds.Kev.Select(k => new FeedItem(Kev, k.CveId, VulnJson.Write(k))));
        items.AddRange(Latest(feeds.Epss).Select(e => new FeedItem(Epss, e.CveId, VulnJson.Write(e))));
        items.AddRange(feeds.Nvd.Select(n => new FeedItem(Nvd, n.CveId, VulnJson.Write(n))));
        return await store.Vulnerabilities.ImportFeedAsync(items, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The index of everything imported; with the number of rows that no longer read.</summary>
    public static async Task<(FeedIndex Index, int Unreadable)> LoadAsync(IVigilStore store, CancellationToken cancellationToken)
    {
        var unreadable = 0;
        async Task<List<T>> ReadAsync<T>(string kind, Func<string, T?> read)
            where T : class
        {
            var list = new List<T>();
            await foreach (var item in store.Vulnerabilities.ReadFeedAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                if (read(item.Body) is { } value)
                {
                    list.Add(value);
                }
                else
                {
                    unreadable++;
                }
            }

            return list;
        }

        var advisories = await ReadAsync(Osv, VulnJson.ReadAdvisory).ConfigureAwait(false);
        var kev = await ReadAsync(Kev, VulnJson.ReadKev).ConfigureAwait(false);
        var epss = await ReadAsync(Epss, VulnJson.ReadEpss).ConfigureAwait(false);
        var nvd = await ReadAsync(Nvd, VulnJson.ReadNvd).ConfigureAwait(false);
        return (FeedIndex.Build(advisories, kev, epss, nvd), unreadable);
    }

    /// <summary>Only the newest score of each CVE is kept (an EPSS time series holds one per day).</summary>
    private static IEnumerable<EpssScore> Latest(IEnumerable<EpssScore> scores) =>
        scores.GroupBy(s => s.CveId, StringComparer.OrdinalIgnoreCase).Select(g => g.MaxBy(s => s.Date ?? DateOnly.MinValue)!);
}

using Vigil.Vulnerabilities.Feeds;

namespace Vigil.Vulnerabilities.Matching;

/// <summary>
/// The imported feeds, indexed for matching: OSV advisories by (base ecosystem, package name), KEV, EPSS and NVD by
/// CVE, and NVD records by the vendor and product of their vulnerable CPEs. Built once per scan; read-only after.
/// </summary>
public sealed class FeedIndex
{
    private FeedIndex()
    {
    }

    /// <summary>How many distinct advisories are indexed.</summary>
    public int AdvisoryCount { get; private set; }

    /// <summary>How many KEV entries are indexed.</summary>
    public int KevCount => Kev.Count;

    /// <summary>How many CVEs have an EPSS score.</summary>
    public int EpssCount => Epss.Count;

    /// <summary>How many NVD records are indexed.</summary>
    public int NvdCount => NvdById.Count;

    internal Dictionary<string, List<OsvEntry>> Osv { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, KevEntry> Kev { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, EpssScore> Epss { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, NvdRecord> NvdById { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, List<NvdRecord>> NvdByProduct { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes feeds as read (or loaded from the store). A later advisory with the same <see cref="StorageKey"/> or NVD record with the same id replaces an earlier one; the newest EPSS date wins.</summary>
    public static FeedIndex Build(IEnumerable<Advisory> advisories, IEnumerable<KevEntry> kev, IEnumerable<EpssScore> epss, IEnumerable<NvdRecord> nvd)
    {
        ArgumentNullException.ThrowIfNull(advisories);
        ArgumentNullException.ThrowIfNull(kev);
        ArgumentNullException.ThrowIfNull(epss);
        ArgumentNullException.ThrowIfNull(nvd);
        var index = new FeedIndex();
        var byId = new Dictionary<string, Advisory>(StringComparer.Ordinal);
        foreach (var advisory in advisories)
        {
            byId[StorageKey(advisory)] = advisory;
        }

        index.AdvisoryCount = byId.Count;
        foreach (var advisory in byId.Values)
        {
            foreach (var affected in advisory.Affected)
            {
                var (ecosystem, release) = Ecosystems.Split(affected.Ecosystem);
                var key = Ecosystems.Key(ecosystem, affected.Name);
                if (!index.Osv.TryGetValue(key, out var list))
                {
                    index.Osv[key] = list = [];
                }

                list.Add(new OsvEntry(advisory, affected, release));
            }
        }

        foreach (var entry in kev)
        {
            index.Kev[entry.CveId] = entry;
        }

        foreach (var score in epss)
        {
            if (!index.Epss.TryGetValue(score.CveId, out var known) || (score.Date ?? DateOnly.MinValue) >= (known.Date ?? DateOnly.MinValue))
            {
                index.Epss[score.CveId] = score;
            }
        }

        foreach (var record in nvd)
        {
            index.NvdById[record.CveId] = record;
        }

        foreach (var record in index.NvdById.Values)
        {
            foreach (var product in VulnerableProducts(record))
            {
                if (!index.NvdByProduct.TryGetValue(product, out var list))
                {
                    index.NvdByProduct[product] = list = [];
                }

                list.Add(record);
            }
        }

        return index;
    }

    /// <summary>
    /// What identifies an advisory among imported ones: its id and the ecosystems it names. The same id can be published
    /// for several releases in separate databases (AlmaLinux 8 and 9 share some ALSA ids), and neither may replace the other.
    /// </summary>
    public static string StorageKey(Advisory advisory)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var ecosystems = advisory.Affected.Select(a => a.Ecosystem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return advisory.Id + "|" + string.Join(',', ecosystems);
    }

    /// <summary>Indexes everything one <see cref="FeedReadResult"/> holds.</summary>
    public static FeedIndex Build(FeedReadResult feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        return Build(feeds.Advisories, feeds.Kev, feeds.Epss, feeds.Nvd);
    }

    private static HashSet<string> VulnerableProducts(NvdRecord record)
    {
        var products = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var configuration in record.Configurations)
        {
            foreach (var node in configuration.Nodes)
            {
                foreach (var match in node.Matches)
                {
                    if (match.Vulnerable && CpeName.TryParse(match.Criteria, out var cpe))
                    {
                        products.Add(cpe.Product);
                    }
                }
            }
        }

        return products;
    }
}

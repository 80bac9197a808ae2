using Vigil.Vulnerabilities.Feeds;
using Vigil.Vulnerabilities.Tests.Versions;

namespace Vigil.Vulnerabilities.Tests.Matching;

/// <summary>The staged real feeds, read once per test run (the complete AlmaLinux database takes a second or two).</summary>
internal static class RealFeeds
{
    private static readonly Lazy<FeedReadResult> LazyAlma = new(() => FeedReader.Read([VulnData.Path("osv/almalinux")]));
    private static readonly Lazy<FeedReadResult> LazyOthers = new(() => FeedReader.Read(
        [VulnData.Path("kev/known_exploited_vulnerabilities.json"), VulnData.Path("nvd"), VulnData.Path("epss")]));

    public static FeedReadResult AlmaLinux => LazyAlma.Value;

    /// <summary>KEV, NVD and EPSS.</summary>
    public static FeedReadResult KevNvdEpss => LazyOthers.Value;
}

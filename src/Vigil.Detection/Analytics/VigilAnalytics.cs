using Vigil.Diagnostics;

namespace Vigil.Detection.Analytics;

/// <summary>Builds Vigil's bundled C# analytics for a host (<c>hunt</c>, <c>serve</c>, <c>demo</c>).</summary>
public static class VigilAnalytics
{
    /// <summary>The problem kind reported once when the geography analytics are off.</summary>
    public const string GeoIpOffKind = "geoip-off";

    /// <summary>
    /// Creates one fresh instance of every bundled analytic. Without a readable GeoIP database (see
    /// <see cref="AnalyticsOptions.GeoIpDirectory"/>) the geography analytics (impossible travel, new country, new
    /// network) are left out and one problem of kind <see cref="GeoIpOffKind"/> says so; the others always run.
    /// </summary>
    /// <remarks>
    /// The analytics keep state and are not thread-safe: give each engine its own set. Those that implement
    /// <see cref="IStatefulAnalytic"/> should have their state saved and restored by long-running hosts. The GeoIP
    /// files are opened memory-mapped and shared by the geography analytics; they stay open for the process.
    /// </remarks>
    public static IReadOnlyList<IAnalytic> Create(AnalyticsOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var learning = new SignInLearning(options.LearningSignIns, options.LearningPeriod);
        var list = new List<IAnalytic>
        {
            new PasswordSprayAnalytic(),
            new LegacyProtocolAnalytic(learning),
            new BulkMailAccessAnalytic(),
            new OutboundBurstAnalytic(options.InternalDomains),
            new SharedForwardingAnalytic(),
        };

        var geo = GeoIpDatabase.Open(options.GeoIpDirectory, out var reason);
        if (geo is null)
        {
            problems.Report(new InputProblem("geoip", "", GeoIpOffKind,
                $"sign-in geography analytics are off: {reason}; run scripts/geoip-db.sh and pass its folder"));
        }
        else
        {
            list.Add(new ImpossibleTravelAnalytic(geo));
            list.Add(new FirstSeenPlaceAnalytic(geo, PlaceKind.Country, learning));
            list.Add(new FirstSeenPlaceAnalytic(geo, PlaceKind.Network, learning));
        }

        return list;
    }
}

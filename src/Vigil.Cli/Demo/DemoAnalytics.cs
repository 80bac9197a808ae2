using Vigil.Detection.Analytics;
using Vigil.Diagnostics;

namespace Vigil.Cli.Demo;

/// <summary>The C# analytics the demo's engine runs beside the bundled Sigma rules, as <c>vigil serve</c> runs them.</summary>
internal static class DemoAnalytics
{
    /// <summary>
    /// Vigil's analytics, with the GeoIP database where <see cref="Bundled.GeoIpDirectory"/> finds it (without one the
    /// geography analytics report that they are off, and the travel stage cannot be caught).
    /// </summary>
    public static IReadOnlyList<IAnalytic> Create(IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = Bundled.GeoIpDirectory(null) }, problems);
    }
}

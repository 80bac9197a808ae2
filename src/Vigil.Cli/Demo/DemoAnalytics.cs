using Vigil.Detection.Analytics;
using Vigil.Diagnostics;

namespace Vigil.Cli.Demo;

/// <summary>The C# analytics the demo's engine runs beside the bundled Sigma rules.</summary>
internal static class DemoAnalytics
{
    /// <summary>
    /// None yet. When <c>VigilAnalytics.Create(AnalyticsOptions, IProblemSink)</c> exists this becomes
    /// <c>=&gt; VigilAnalytics.Create(new AnalyticsOptions(), problems);</c> (with the GeoIP folder if it needs one).
    /// </summary>
    public static IReadOnlyList<IAnalytic> Create(IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [];
    }
}

using Vigil.Detection.Analytics;
using Vigil.Detection.Engine;
using Vigil.Detection.Rules;
using Vigil.Diagnostics;
using Vigil.Ingestion;

namespace Vigil.Detection.Tests.Analytics;

public sealed class VigilAnalyticsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/nonexistent/geoip")]
    public void Without_a_database_geography_is_off_said_once_and_the_rest_runs(string? folder)
    {
        var problems = new ProblemLog();

        var analytics = VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = folder }, problems);

        var problem = Assert.Single(problems.Problems);
        Assert.Equal(VigilAnalytics.GeoIpOffKind, problem.Kind);
        Assert.Equal(
            ["vigil-analytic-password-spray-success", "vigil-analytic-legacy-protocol-first-use", "vigil-analytic-bulk-mail-items-accessed", "vigil-analytic-outbound-mail-burst", "vigil-analytic-shared-forwarding-destination"],
            analytics.Select(static a => a.Info.Id));
    }

    [Fact]
    public void With_the_database_every_analytic_is_built_with_unique_ids()
    {
        var problems = new ProblemLog();

        var analytics = VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = GeoIp.Directory, InternalDomains = ["clinic.gg"] }, problems);

        Assert.Equal(0, problems.Total);
        Assert.Equal(8, analytics.Count);
        Assert.Equal(analytics.Count, analytics.Select(static a => a.Info.Id).Distinct().Count());
        Assert.All(analytics, static a => Assert.StartsWith("vigil-analytic-", a.Info.Id));
        Assert.All(analytics, static a => Assert.Contains(a.Info.Tags, static t => t.StartsWith("attack.t", StringComparison.Ordinal)));
        Assert.Equal(7, analytics.OfType<IStatefulAnalytic>().Count());
    }

    [Fact]
    public void Engine_runs_the_analytics_on_a_real_sample()
    {
        var problems = new ProblemLog();
        var options = new EngineOptions { Analytics = VigilAnalytics.Create(new AnalyticsOptions { GeoIpDirectory = GeoIp.Directory }, problems) };
        var engine = new DetectionEngine(RuleSet.Parse("", "none", problems), options, problems);
        var output = new List<RuleMatch>();
        var path = Support.Repository.SharedData("logs/det-eng-samples/t1110.003_msolspraywithsuccess_1.csv");

        foreach (var e in LogFiles.Read(path, problems))
        {
            engine.Process(e, output);
        }

        Assert.Contains(output, static m => m.Rule.Id == "vigil-analytic-password-spray-success" && m.Rule.Level == Level.High);
    }
}

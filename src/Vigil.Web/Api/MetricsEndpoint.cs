using Microsoft.AspNetCore.Http;
using Vigil.Monitoring;

namespace Vigil.Web.Api;

/// <summary><c>GET /metrics</c> in the Prometheus text format.</summary>
internal static class MetricsEndpoint
{
    public static IResult Handle(MonitoringService monitoring, IEnumerable<IMetricsSource> sources)
    {
        var gauges = new List<(string, string, double)>
        {
            ("vigil_ingest_queue_depth", "Hand-overs waiting to be committed.", monitoring.Queue.Depth),
        };
        foreach (var source in sources)
        {
            gauges.AddRange(source.Gauges());
        }

        return TypedResults.Text(PrometheusText.Render(monitoring.Metrics, gauges), "text/plain; version=0.0.4");
    }
}

namespace Vigil.Monitoring;

/// <summary>A component that adds its own figures (listener counters, delivery counters) to <c>/metrics</c>.</summary>
public interface IMetricsSource
{
    /// <summary>The current figures as (metric name, help, value); names follow Prometheus conventions.</summary>
    IEnumerable<(string Name, string Help, double Value)> Gauges();
}

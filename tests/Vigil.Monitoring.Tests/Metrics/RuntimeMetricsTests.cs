using System.Linq.Expressions;
using Vigil.Monitoring;

namespace Vigil.Monitoring.Tests.Metrics;

public sealed class RuntimeMetricsTests
{
    [Fact]
    public void Allocations_collections_and_processor_time_show_in_the_figures()
    {
        var metrics = new RuntimeMetrics();
        var before = Figures(metrics);
        var kept = new byte[4 * 1024 * 1024];
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        // Busy until the runtime's own clock says 50 ms of processor time were used (a busy loop timed by the wall
        // clock may get less on a loaded machine, below the system's 10 ms accounting tick).
        var used = Environment.CpuUsage.TotalTime + TimeSpan.FromMilliseconds(50);
        var giveUp = Environment.TickCount64 + 30_000;
        while (Environment.CpuUsage.TotalTime < used && Environment.TickCount64 < giveUp)
        {
        }

        var after = Figures(metrics);
        GC.KeepAlive(kept);
        Assert.True(after["dotnet_gc_allocated_bytes_total"] - before["dotnet_gc_allocated_bytes_total"] >= kept.Length);
        Assert.True(after["dotnet_gc_collections_total{generation=\"0\"}"] > before["dotnet_gc_collections_total{generation=\"0\"}"]);
        Assert.True(after["process_cpu_seconds_total"] > before["process_cpu_seconds_total"]);
        Assert.True(after["process_resident_memory_bytes"] > 0);
        Assert.True(after["dotnet_gc_heap_bytes"] >= kept.Length);
        Assert.Contains("dotnet_gc_pause_seconds_total", after.Keys);
        Assert.Contains("dotnet_gc_collections_total{generation=\"2\"}", after.Keys);
    }

    [Fact]
    public void A_freshly_compiled_method_shows_in_the_jit_figures()
    {
        var metrics = new RuntimeMetrics();
        var before = Figures(metrics);
        // A method built at run time has never been compiled: calling it makes the JIT compile it.
        var x = Expression.Parameter(typeof(int), "x");
        var square = Expression.Lambda<Func<int, int>>(Expression.Multiply(x, x), x).Compile();
        Assert.Equal(49, square(7));

        var after = Figures(metrics);
        Assert.True(after["dotnet_jit_methods_compiled_total"] > before["dotnet_jit_methods_compiled_total"]);
        Assert.True(after["dotnet_jit_compilation_seconds_total"] >= before["dotnet_jit_compilation_seconds_total"]);
        Assert.True(after["dotnet_jit_compilation_seconds_total"] > 0);
    }

    [Fact]
    public void The_figures_render_as_prometheus_counters_and_gauges()
    {
        var text = PrometheusText.Render(new MonitoringMetrics(), new RuntimeMetrics().Gauges());
        Assert.Contains("# TYPE process_cpu_seconds_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_heap_bytes gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_jit_methods_compiled_total counter\n", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), static l => l == "# TYPE dotnet_gc_collections_total counter");
    }

    private static Dictionary<string, double> Figures(RuntimeMetrics metrics)
        => metrics.Gauges().ToDictionary(static g => g.Name, static g => g.Value, StringComparer.Ordinal);
}

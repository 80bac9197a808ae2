using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Vigil.Monitoring;

/// <summary>
/// The process's own figures for <c>/metrics</c>, under the names Prometheus client libraries use
/// (<c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c>) and the runtime's garbage collector's
/// (collections by generation, time paused, bytes allocated, heap size) and its JIT compiler's (methods compiled, time
/// spent compiling), so an operator can tell a busy service from one that spends its time collecting garbage or is
/// still compiling its hot code after a start.
/// </summary>
/// <remarks>Every figure is read when <c>/metrics</c> is scraped; nothing is kept between scrapes.</remarks>
public sealed class RuntimeMetrics : IMetricsSource
{
    /// <inheritdoc/>
    public IEnumerable<(string Name, string Help, double Value)> Gauges()
    {
        using var process = Process.GetCurrentProcess();
        yield return ("process_cpu_seconds_total", "Processor time the process has used (user and system), in seconds.", process.TotalProcessorTime.TotalSeconds);
        yield return ("process_resident_memory_bytes", "Resident memory (working set), in bytes.", process.WorkingSet64);
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            yield return ($"dotnet_gc_collections_total{{generation=\"{generation}\"}}", "Garbage collections, by the oldest generation collected (a gen2 collection counts under 0 and 1 too).", GC.CollectionCount(generation));
        }

        yield return ("dotnet_gc_pause_seconds_total", "Time the runtime was paused for garbage collection, in seconds.", GC.GetTotalPauseDuration().TotalSeconds);
        yield return ("dotnet_gc_allocated_bytes_total", "Bytes allocated on the managed heap since the process started.", GC.GetTotalAllocatedBytes());
        var last = GC.GetGCMemoryInfo();
        yield return ("dotnet_gc_heap_bytes", "Bytes in use on the managed heap after the last collection.", last.HeapSizeBytes);
        var generations = last.GenerationInfo.ToArray();
        for (var generation = 0; generation < generations.Length; generation++)
        {
            // 3 and 4 are the large and pinned object heaps.
            var name = generation switch { 3 => "loh", 4 => "poh", _ => generation.ToString(CultureInfo.InvariantCulture) };
            yield return ($"dotnet_gc_generation_bytes{{generation=\"{name}\"}}", "Bytes in each generation after the last collection (loh: large objects, poh: pinned objects).", generations[generation].SizeAfterBytes);
        }

        yield return ("dotnet_gc_last_promoted_bytes", "Bytes the last collection found alive and kept (its work grows with them).", last.PromotedBytes);
        yield return ("dotnet_jit_methods_compiled_total", "Methods the JIT compiler has compiled (each tier of a method counts).", JitInfo.GetCompiledMethodCount());
        yield return ("dotnet_jit_compilation_seconds_total", "Time threads spent in the JIT compiler, in seconds.", JitInfo.GetCompilationTime().TotalSeconds);
    }
}

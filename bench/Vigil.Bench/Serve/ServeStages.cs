using System.Globalization;

namespace Vigil.Bench.Serve;

/// <summary>
/// Totals from serve's <c>/metrics</c>: the writer's and detector's histograms (seconds busy, batches), the batches the
/// writer held back for the detector, and the garbage collector's figures (collections by generation, seconds paused,
/// bytes allocated), and the JIT compiler's (methods compiled, seconds compiling).
/// </summary>
internal readonly record struct ServeStages(
    double WriteSeconds,
    double Writes,
    double DetectSeconds,
    double Detections,
    double Gen0,
    double Gen1,
    double Gen2,
    double GcPauseSeconds,
    double AllocatedBytes,
    double DetectionWaits,
    double JitMethods,
    double JitSeconds)
{
    public static ServeStages operator -(ServeStages a, ServeStages b) => new(
        a.WriteSeconds - b.WriteSeconds,
        a.Writes - b.Writes,
        a.DetectSeconds - b.DetectSeconds,
        a.Detections - b.Detections,
        a.Gen0 - b.Gen0,
        a.Gen1 - b.Gen1,
        a.Gen2 - b.Gen2,
        a.GcPauseSeconds - b.GcPauseSeconds,
        a.AllocatedBytes - b.AllocatedBytes,
        a.DetectionWaits - b.DetectionWaits,
        a.JitMethods - b.JitMethods,
        a.JitSeconds - b.JitSeconds);

    public string Describe(TimeSpan elapsed, int events) => string.Create(CultureInfo.InvariantCulture,
        $"stages: writer committing {100 * WriteSeconds / elapsed.TotalSeconds:F0}% of the time ({Writes:N0} transactions, {events / Math.Max(1, Writes):N0} events each); " +
        $"detector {100 * DetectSeconds / elapsed.TotalSeconds:F0}% ({Detections:N0} batches, {events / Math.Max(1, Detections):N0} events each); " +
        $"writer held back for the detector {DetectionWaits:N0} times");

    // Vigil's collector is non-concurrent (workstation or server): it does all its work while the process is paused.
    public string DescribeGc(TimeSpan cpu, int events) => string.Create(CultureInfo.InvariantCulture,
        $"garbage collection: {AllocatedBytes / events:N0} B allocated/event; {Gen0 - Gen1:N0} gen0, {Gen1 - Gen2:N0} gen1, {Gen2:N0} gen2 collections; " +
        $"paused {GcPauseSeconds:F2} s = {100 * GcPauseSeconds / cpu.TotalSeconds:F0}% of serve's CPU time ({1e6 * GcPauseSeconds / events:F2} µs/event)");

    // Tiered compilation goes on in the background after a start: a phase that still compiles much is not warmed up.
    public string DescribeJit(TimeSpan cpu) => string.Create(CultureInfo.InvariantCulture,
        $"JIT: {JitMethods:N0} methods compiled in the phase, {JitSeconds:F2} s compiling = {100 * JitSeconds / cpu.TotalSeconds:F0}% of serve's CPU time");
}

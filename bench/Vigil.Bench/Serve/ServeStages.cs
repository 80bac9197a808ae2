using System.Globalization;

namespace Vigil.Bench.Serve;

/// <summary>Totals of serve's writer and detector histograms from <c>/metrics</c> (seconds busy, batches).</summary>
internal readonly record struct ServeStages(double WriteSeconds, double Writes, double DetectSeconds, double Detections)
{
    public static ServeStages operator -(ServeStages a, ServeStages b)
        => new(a.WriteSeconds - b.WriteSeconds, a.Writes - b.Writes, a.DetectSeconds - b.DetectSeconds, a.Detections - b.Detections);

    public string Describe(TimeSpan elapsed, int events) => string.Create(CultureInfo.InvariantCulture,
        $"stages: writer committing {100 * WriteSeconds / elapsed.TotalSeconds:F0}% of the time ({Writes:N0} transactions, {events / Math.Max(1, Writes):N0} events each); " +
        $"detector {100 * DetectSeconds / elapsed.TotalSeconds:F0}% ({Detections:N0} batches, {events / Math.Max(1, Detections):N0} events each)");
}

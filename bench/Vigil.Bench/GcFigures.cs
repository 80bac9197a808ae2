namespace Vigil.Bench;

/// <summary>Allocation and collection counters of this thread and process, to compare two passes per event.</summary>
internal readonly record struct GcFigures(long Allocated, int Gen0, int Gen1, int Gen2, long PauseTicks)
{
    public static GcFigures Now() => new(
        GC.GetAllocatedBytesForCurrentThread(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().Ticks);

    public static GcFigures operator -(GcFigures a, GcFigures b) =>
        new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.PauseTicks - b.PauseTicks);

    /// <summary>Bytes allocated per event, collections per generation, and time paused for collections.</summary>
    public string Describe(long events) =>
        $"{(double)Allocated / events:F0} B/event allocated, GCs gen0 {Gen0 - Gen1} gen1 {Gen1 - Gen2} gen2 {Gen2}, "
        + $"GC pause {TimeSpan.FromTicks(PauseTicks).TotalMilliseconds:F0} ms";
}

namespace Vigil.Detection.Correlation;

/// <summary>What the correlation engine had to skip or drop, for the run summary.</summary>
internal sealed class CorrelationCounters
{
    /// <summary>Detections of referenced rules that carry no timestamp.</summary>
    public long Untimed { get; set; }

    /// <summary>Detections too far behind their group's window to count.</summary>
    public long Late { get; set; }

    /// <summary>Detections a <c>value_*</c> correlation skipped: field missing, or not a number for sum and average.</summary>
    public long SkippedValues { get; set; }

    /// <summary>Entries or distinct values dropped because a group reached its cap.</summary>
    public long DroppedEntries { get; set; }

    /// <summary>Groups closed early because a correlation reached its cap on groups.</summary>
    public long EvictedGroups { get; set; }
}

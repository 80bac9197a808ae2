namespace Vigil.Detection.Correlation;

/// <summary>The caps that keep correlation state bounded whatever the input.</summary>
/// <remarks>
/// Reaching a cap loses information, never correctness of what is reported: entries or groups dropped are counted
/// (<see cref="CorrelationEngine.DroppedEntries"/>, <see cref="CorrelationEngine.EvictedGroups"/>), and a count can
/// only be under-estimated, so a flood can hide a correlation but cannot invent one.
/// </remarks>
internal static class CorrelationLimits
{
    /// <summary>Most detections listed in one correlation detection's <c>Joined</c>.</summary>
    public const int MaxJoined = 100;

    /// <summary>Most timestamps (with values) one group keeps for <c>event_count</c> and <c>value_sum</c>.</summary>
    public const int MaxEntriesPerGroup = 100_000;

    /// <summary>Most distinct values one group keeps for <c>value_count</c> and <c>value_percentile</c>.</summary>
    public const int MaxValuesPerGroup = 100_000;

    /// <summary>Most groups one correlation keeps; beyond it the group due to expire first is closed early.</summary>
    public const int MaxGroups = 100_000;

    /// <summary>Most detections one <c>value_percentile</c> group keeps to list in <c>Joined</c>.</summary>
    public const int MaxStoredPerGroup = 1_000;
}

namespace Vigil.Detection.Correlation;

/// <summary>The seven correlation types of Sigma 2.1.</summary>
internal enum CorrelationType
{
    /// <summary><c>event_count</c>: how many detections of the referenced rules fall in the window.</summary>
    EventCount,

    /// <summary><c>value_count</c>: how many distinct values of <c>field</c> the window holds.</summary>
    ValueCount,

    /// <summary><c>temporal</c>: how many of the referenced rules matched in the window, in any order.</summary>
    Temporal,

    /// <summary><c>temporal_ordered</c>: how many of the referenced rules matched in the window, in their listed order.</summary>
    TemporalOrdered,

    /// <summary><c>value_sum</c>: the sum of the numeric <c>field</c> over the window.</summary>
    ValueSum,

    /// <summary><c>value_avg</c>: the average of the numeric <c>field</c> over the window.</summary>
    ValueAvg,

    /// <summary><c>value_percentile</c>: the frequency percentile of each value of <c>field</c> in the window.</summary>
    ValuePercentile,
}

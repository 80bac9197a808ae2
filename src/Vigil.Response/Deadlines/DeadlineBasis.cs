namespace Vigil.Response.Deadlines;

/// <summary>What a deadline is counted from.</summary>
public enum DeadlineBasis
{
    /// <summary>From the moment of awareness (discovery).</summary>
    Awareness,

    /// <summary>From the end of the calendar year in which the breach was discovered (HIPAA, fewer than 500 affected).</summary>
    EndOfCalendarYear,
}

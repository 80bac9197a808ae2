namespace Vigil.Detection.Analytics;

/// <summary>One mailbox's accesses within one hour.</summary>
internal sealed class MailboxHour
{
    /// <summary>Items accessed (sum of <c>OperationCount</c>).</summary>
    public long Count { get; set; }

    /// <summary>The count above which the hour is bulk (from the baselines when the hour opened).</summary>
    public double Bound { get; set; }

    /// <summary>Whether this hour was already reported.</summary>
    public bool Reported { get; set; }
}

namespace Vigil.Detection.Analytics;

/// <summary>What <see cref="BulkMailAccessAnalytic"/> saves.</summary>
internal sealed class BulkMailAccessState
{
    /// <summary>Per mailbox.</summary>
    public Dictionary<string, MailboxHours> Mailboxes { get; set; } = [];

    /// <summary>Completed mailbox-hours of the whole tenant, oldest first (the baseline of mailboxes without their own).</summary>
    public List<long> TenantHistory { get; set; } = [];

    /// <summary>The tenant's total per open hour (UTC ticks of the hour start).</summary>
    public Dictionary<long, long> TenantHours { get; set; } = [];

    /// <summary>The newest hour seen (UTC ticks).</summary>
    public long NewestHour { get; set; }
}

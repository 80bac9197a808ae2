namespace Vigil.Detection.Analytics;

/// <summary>One mailbox's item-access counts: the hours still open and the completed hours before them.</summary>
internal sealed class MailboxHours
{
    /// <summary>Completed active hours kept per mailbox (a week of working hours and more).</summary>
    public const int MaxHistory = 168;

    /// <summary>Completed hours' counts, oldest first (hours that raised a detection are left out).</summary>
    public List<long> History { get; set; } = [];

    /// <summary>The hours still open, by hour start (UTC ticks).</summary>
    public Dictionary<long, MailboxHour> Open { get; set; } = [];
}

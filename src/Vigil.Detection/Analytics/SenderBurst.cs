namespace Vigil.Detection.Analytics;

/// <summary>One sender's recent external recipients and its baseline of hourly external recipients.</summary>
internal sealed class SenderBurst
{
    /// <summary>Most recent recipients kept (a burst of thousands still shows with these).</summary>
    public const int MaxRecent = 2_000;

    /// <summary>Most recipients counted per hour.</summary>
    public const int MaxPerHour = 5_000;

    /// <summary>Days of hourly maxima kept.</summary>
    public const int BaselineDays = 30;

    /// <summary>Recent external recipients with when each was last sent to.</summary>
    public Dictionary<string, DateTimeOffset> Recent { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest event time of the sender.</summary>
    public DateTimeOffset Newest { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The hour (UTC ticks) being counted.</summary>
    public long Hour { get; set; }

    /// <summary>Distinct external recipients in <see cref="Hour"/>.</summary>
    public HashSet<string> HourRecipients { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Hour"/> raised a detection (kept out of the baseline).</summary>
    public bool HourReported { get; set; }

    /// <summary>Per day (UTC ticks of its start), the most distinct external recipients in one hour.</summary>
    public Dictionary<long, int> DailyMax { get; set; } = [];

    /// <summary>No new detection before this time (one per burst).</summary>
    public DateTimeOffset QuietUntil { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The usual hourly maximum: the largest of the kept days.</summary>
    public int UsualMax => DailyMax.Count == 0 ? 0 : DailyMax.Values.Max();

    /// <summary>Starts counting the hour of <paramref name="hour"/>, closing the previous one into the baseline.</summary>
    public void MoveTo(long hour)
    {
        if (Hour != 0 && !HourReported && HourRecipients.Count > 0)
        {
            var day = Hour - (Hour % TimeSpan.TicksPerDay);
            DailyMax[day] = Math.Max(DailyMax.GetValueOrDefault(day), HourRecipients.Count);
            foreach (var old in DailyMax.Keys.Where(d => d < day - (BaselineDays * TimeSpan.TicksPerDay)).ToList())
            {
                DailyMax.Remove(old);
            }
        }

        Hour = hour;
        HourRecipients.Clear();
        HourReported = false;
    }

    /// <summary>Remembers a recipient at <paramref name="time"/>, forgetting the oldest when full.</summary>
    public void Add(string recipient, DateTimeOffset time)
    {
        if (Recent.TryGetValue(recipient, out var last) && last >= time)
        {
            return;
        }

        if (!Recent.ContainsKey(recipient) && Recent.Count >= MaxRecent)
        {
            Recent.Remove(Recent.MinBy(static p => p.Value).Key);
        }

        Recent[recipient] = time;
    }

    /// <summary>Distinct recipients sent to in the <paramref name="window"/> before <see cref="Newest"/>, forgetting older ones.</summary>
    public int CountRecent(TimeSpan window)
    {
        var cutoff = Newest - window;
        foreach (var old in Recent.Where(p => p.Value < cutoff).Select(static p => p.Key).ToList())
        {
            Recent.Remove(old);
        }

        return Recent.Count;
    }
}

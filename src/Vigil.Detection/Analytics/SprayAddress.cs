namespace Vigil.Detection.Analytics;

/// <summary>The recent attempts from one client address, and what was already reported for it.</summary>
internal sealed class SprayAddress
{
    /// <summary>Most failures kept per address (a spray of hundreds still shows with the newest 64).</summary>
    public const int MaxFailures = 64;

    /// <summary>Most successes kept per address.</summary>
    public const int MaxSuccesses = 16;

    /// <summary>Failures, oldest first.</summary>
    public List<SprayAttempt> Failures { get; } = [];

    private readonly Dictionary<string, int> _accountCounts = new(StringComparer.Ordinal);

    /// <summary>Successes (and accepted passwords), oldest first.</summary>
    public List<SprayAttempt> Successes { get; } = [];

    /// <summary>The newest event time seen from the address.</summary>
    public DateTimeOffset Newest { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The end of the last spray reported (an episode lasts while failures keep coming within the window).</summary>
    public DateTimeOffset? ReportedUntil { get; set; }

    /// <summary>The accounts whose success after the current spray was reported.</summary>
    public HashSet<string> ReportedSuccesses { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an attempt in time order, dropping the oldest beyond <paramref name="cap"/>.</summary>
    public static void Insert(List<SprayAttempt> list, SprayAttempt attempt, int cap)
    {
        var at = list.Count;
        while (at > 0 && list[at - 1].Time > attempt.Time)
        {
            at--;
        }

        list.Insert(at, attempt);
        if (list.Count > cap)
        {
            list.RemoveAt(0);
        }
    }

    /// <summary>Forgets attempts before <paramref name="cutoff"/>.</summary>
    public void Prune(DateTimeOffset cutoff)
    {
        Failures.RemoveAll(a => a.Time < cutoff);
        Successes.RemoveAll(a => a.Time < cutoff);
    }

    /// <summary>
    /// The widest set of failures of distinct accounts within <paramref name="window"/>, when it reaches
    /// <paramref name="minAccounts"/>; the one with the most accounts (the latest among equals).
    /// </summary>
    public SprayCluster? BestCluster(TimeSpan window, int minAccounts)
    {
        // Two pointers over the failures (oldest first): each window starts at failure i and reaches as far as the
        // window allows; distinct accounts are counted as failures enter and leave it. Linear, so a brute force from one
        // address (thousands of failures) costs no more per event than a spray.
        // The best window is remembered by position and built once at the end: building it at every tie copied up to
        // MaxFailures attempts per failure event.
        int bestStart = -1, bestEnd = 0, bestAccounts = 0;
        var counts = _accountCounts;
        counts.Clear();
        var end = 0;
        for (var i = 0; i < Failures.Count; i++)
        {
            while (end < Failures.Count && Failures[end].Time - Failures[i].Time <= window)
            {
                var user = Failures[end].User;
                counts[user] = counts.GetValueOrDefault(user) + 1;
                end++;
            }

            if (counts.Count >= minAccounts && counts.Count >= bestAccounts)
            {
                (bestStart, bestEnd, bestAccounts) = (i, end, counts.Count);
            }

            var leaving = Failures[i].User;
            if (--counts[leaving] == 0)
            {
                counts.Remove(leaving);
            }
        }

        return bestStart < 0
            ? null
            : new SprayCluster(Failures[bestStart].Time, Failures[bestEnd - 1].Time, Failures.GetRange(bestStart, bestEnd - bestStart), bestAccounts);
    }
}

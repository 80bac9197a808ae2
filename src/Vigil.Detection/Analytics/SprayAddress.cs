using System.Runtime.InteropServices;

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

    // Failures kept, by account: no window can hold more distinct accounts than the whole list.
    private readonly Dictionary<string, int> _failingAccounts = new(StringComparer.Ordinal);

    /// <summary>Successes (and accepted passwords), oldest first.</summary>
    public List<SprayAttempt> Successes { get; } = [];

    /// <summary>The newest event time seen from the address.</summary>
    public DateTimeOffset Newest { get; set; } = DateTimeOffset.MinValue;

    /// <summary>The end of the last spray reported (an episode lasts while failures keep coming within the window).</summary>
    public DateTimeOffset? ReportedUntil { get; set; }

    /// <summary>The accounts whose success after the current spray was reported.</summary>
    public HashSet<string> ReportedSuccesses { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a failure in time order, dropping the oldest beyond <see cref="MaxFailures"/>.</summary>
    public void AddFailure(SprayAttempt attempt)
    {
        Count(attempt.User, 1);
        if (Insert(Failures, attempt, MaxFailures) is { } dropped)
        {
            Count(dropped.User, -1);
        }
    }

    /// <summary>Adds a success in time order, dropping the oldest beyond <see cref="MaxSuccesses"/>.</summary>
    public void AddSuccess(SprayAttempt attempt) => Insert(Successes, attempt, MaxSuccesses);

    /// <summary>Forgets attempts before <paramref name="cutoff"/>.</summary>
    public void Prune(DateTimeOffset cutoff)
    {
        // Kept oldest first (Insert keeps time order), so what is forgotten is a prefix: no scan past it.
        var old = 0;
        while (old < Failures.Count && Failures[old].Time < cutoff)
        {
            Count(Failures[old].User, -1);
            old++;
        }

        Failures.RemoveRange(0, old);
        old = 0;
        while (old < Successes.Count && Successes[old].Time < cutoff)
        {
            old++;
        }

        Successes.RemoveRange(0, old);
    }

    /// <summary>Adds an attempt in time order, dropping the oldest beyond <paramref name="cap"/>; the one dropped, or null.</summary>
    private static SprayAttempt? Insert(List<SprayAttempt> list, SprayAttempt attempt, int cap)
    {
        var at = list.Count;
        while (at > 0 && list[at - 1].Time > attempt.Time)
        {
            at--;
        }

        list.Insert(at, attempt);
        if (list.Count <= cap)
        {
            return null;
        }

        var dropped = list[0];
        list.RemoveAt(0);
        return dropped;
    }

    /// <summary>Moves the count of failures of <paramref name="user"/> by <paramref name="by"/>.</summary>
    private void Count(string user, int by)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_failingAccounts, user, out _);
        count += by;
        if (count == 0)
        {
            _failingAccounts.Remove(user);
        }
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
        // Most calls end here: a mail server's failures come from few accounts per address.
        if (_failingAccounts.Count < minAccounts)
        {
            return null;
        }

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

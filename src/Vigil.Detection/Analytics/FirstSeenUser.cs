namespace Vigil.Detection.Analytics;

/// <summary>What one user has been seen with: successful sign-ins counted, and the values (countries, networks, protocols) used.</summary>
internal sealed class FirstSeenUser
{
    /// <summary>Most values kept per user; the least recently seen goes first.</summary>
    public const int MaxValues = 64;

    /// <summary>The earliest sign-in time seen.</summary>
    public DateTimeOffset First { get; set; }

    /// <summary>How many successful sign-ins were seen.</summary>
    public long Count { get; set; }

    /// <summary>The values used, with when each was last seen.</summary>
    public Dictionary<string, DateTimeOffset> Values { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="value"/> at <paramref name="time"/>; true when the user had not used it before.</summary>
    public bool Add(string value, DateTimeOffset time)
    {
        if (Values.TryGetValue(value, out var last))
        {
            if (time > last)
            {
                Values[value] = time;
            }

            return false;
        }

        if (Values.Count >= MaxValues)
        {
            Values.Remove(Values.MinBy(static p => p.Value).Key);
        }

        Values[value] = time;
        return true;
    }
}

using System.Text.Json;

namespace Vigil.Detection.Analytics;

/// <summary>
/// Per user, the values seen in successful sign-ins and how long the user has been known, bounded in users
/// (<see cref="MaxUsers"/>, least recently seen dropped) and in values per user (<see cref="FirstSeenUser.MaxValues"/>).
/// </summary>
internal sealed class FirstSeenStore
{
    /// <summary>Most users kept.</summary>
    public const int MaxUsers = 20_000;

    private readonly BoundedMap<string, FirstSeenUser> _users = new(MaxUsers, StringComparer.Ordinal);

    /// <summary>How many users are kept.</summary>
    public int Count => _users.Count;

    /// <summary>
    /// Counts a successful sign-in of <paramref name="user"/> at <paramref name="time"/> using <paramref name="value"/>
    /// (null: the sign-in counts towards learning only). True when the value is new to a user who had learned before it.
    /// </summary>
    public bool Observe(string user, string? value, DateTimeOffset time, SignInLearning learning)
    {
        if (!_users.TryGet(user, out var history))
        {
            // Not GetOrAdd: its factory would capture the time, an allocation per sign-in of a known user.
            history = new FirstSeenUser { First = time };
            _users.Set(user, history);
        }

        if (time < history.First)
        {
            history.First = time;
        }

        var learned = learning.Learned(history.Count, history.First, time);
        history.Count++;
        return value is not null && history.Add(value, time) && learned;
    }

    /// <summary>The state as JSON.</summary>
    public string Save() => JsonSerializer.Serialize(_users.Entries.ToDictionary(static p => p.Key, static p => p.Value, StringComparer.Ordinal), AnalyticsJson.Default.DictionaryStringFirstSeenUser);

    /// <summary>Replaces the state with <paramref name="json"/>; false (and empty) when it cannot be read.</summary>
    public bool Load(string json)
    {
        _users.Clear();
        try
        {
            var users = JsonSerializer.Deserialize(json, AnalyticsJson.Default.DictionaryStringFirstSeenUser);
            if (users is null)
            {
                return false;
            }

            foreach (var (user, history) in users.Take(MaxUsers))
            {
                if (history?.Values is null)
                {
                    continue;
                }

                history.Values = new Dictionary<string, DateTimeOffset>(history.Values.Take(FirstSeenUser.MaxValues), StringComparer.Ordinal);
                _users.Set(user, history);
            }

            return true;
        }
        catch (JsonException)
        {
            _users.Clear();
            return false;
        }
    }
}

namespace Vigil.Detection.Analytics;

/// <summary>When a user's history is long enough for something new in it to mean anything.</summary>
/// <param name="SignIns">Earlier successful sign-ins needed.</param>
/// <param name="Period">Event time since the user was first seen.</param>
internal sealed record SignInLearning(int SignIns, TimeSpan Period)
{
    /// <summary>The defaults: 10 sign-ins over 7 days.</summary>
    public static SignInLearning Default { get; } = new(10, TimeSpan.FromDays(7));

    /// <summary>Whether a user first seen at <paramref name="firstSeen"/> with <paramref name="count"/> sign-ins has learned by <paramref name="now"/>.</summary>
    public bool Learned(long count, DateTimeOffset firstSeen, DateTimeOffset now) =>
        count >= SignIns && now - firstSeen >= Period;
}

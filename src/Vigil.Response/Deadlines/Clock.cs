namespace Vigil.Response.Deadlines;

/// <summary>One running deadline of an incident.</summary>
/// <param name="Jurisdiction">The profile id.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Due">When it falls.</param>
/// <param name="Remaining">Time left (negative when overdue).</param>
/// <param name="AssumedLarge">True when the affected count is unknown and the rule for 500 or more is assumed.</param>
public sealed record Clock(string Jurisdiction, DeadlineRule Rule, DateTimeOffset Due, TimeSpan Remaining, bool AssumedLarge)
{
    /// <summary>Whether the deadline has passed.</summary>
    public bool Overdue => Remaining < TimeSpan.Zero;

    /// <summary><c>jurisdiction:rule</c>.</summary>
    public string Key => $"{Jurisdiction}:{Rule.Id}";
}

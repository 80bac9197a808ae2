namespace Vigil.Response.Deadlines;

/// <summary>One deadline of a jurisdiction: whom to tell, within how long, and when it applies.</summary>
/// <param name="Id">Short id within the profile (<c>regulator</c>, <c>individuals</c>, <c>hhs</c>, <c>media</c>, ...).</param>
/// <param name="Recipient">Whom to notify (<c>ICO</c>, <c>HHS</c>, <c>affected individuals</c>).</param>
/// <param name="Within">How long after <paramref name="Basis"/>.</param>
/// <param name="Basis">What it is counted from.</param>
/// <param name="Citation">The law or guidance.</param>
/// <param name="MinimumAffected">Applies only when at least this many people are affected, or null.</param>
/// <param name="BelowAffected">Applies only when fewer than this many are affected, or null.</param>
public sealed record DeadlineRule(
    string Id,
    string Recipient,
    TimeSpan Within,
    DeadlineBasis Basis,
    string Citation,
    int? MinimumAffected = null,
    int? BelowAffected = null)
{
    /// <summary>
    /// Whether the rule applies to <paramref name="affected"/> people. An unknown count is treated as large (the
    /// stricter rules apply until the scope is known).
    /// </summary>
    public bool AppliesTo(int? affected)
        => affected is null ? BelowAffected is null : (MinimumAffected is null || affected >= MinimumAffected) && (BelowAffected is null || affected < BelowAffected);

    /// <summary>When the deadline falls for a breach the organisation became aware of at <paramref name="awareAt"/>.</summary>
    public DateTimeOffset DueFrom(DateTimeOffset awareAt) => Basis switch
    {
        DeadlineBasis.EndOfCalendarYear => new DateTimeOffset(awareAt.Year + 1, 1, 1, 0, 0, 0, awareAt.Offset) + Within,
        _ => awareAt + Within,
    };
}

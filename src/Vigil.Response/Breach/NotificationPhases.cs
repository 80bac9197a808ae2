namespace Vigil.Response.Breach;

/// <summary>The phases a notification is sent in (GDPR Art. 33(4): information may be given in phases).</summary>
public static class NotificationPhases
{
    /// <summary>The first report, within the deadline: it meets the deadline.</summary>
    public const string Initial = "initial";

    /// <summary>A later report with what was learned since.</summary>
    public const string FollowUp = "follow-up";

    /// <summary>The closing report.</summary>
    public const string Final = "final";

    /// <summary>Every phase, in order.</summary>
    public static IReadOnlyList<string> All { get; } = [Initial, FollowUp, Final];

    /// <summary>Whether <paramref name="phase"/> is one of <see cref="All"/>.</summary>
    public static bool IsValid(string? phase) => phase is not null && All.Contains(phase, StringComparer.Ordinal);
}

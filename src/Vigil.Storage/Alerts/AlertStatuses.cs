namespace Vigil.Storage.Alerts;

/// <summary>An alert's workflow states. New detections still group into open and acknowledged alerts, never closed ones.</summary>
public static class AlertStatuses
{
    /// <summary>Raised, nobody has looked yet.</summary>
    public const string Open = "open";

    /// <summary>Somebody is looking at it.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Closed: it was a real incident (or attempt).</summary>
    public const string ClosedTruePositive = "closed-true-positive";

    /// <summary>Closed: nothing bad happened (tune the rule).</summary>
    public const string ClosedFalsePositive = "closed-false-positive";

    /// <summary>Every status, in workflow order.</summary>
    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, ClosedTruePositive, ClosedFalsePositive];

    /// <summary>Whether <paramref name="status"/> is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string? status) => status is Open or Acknowledged or ClosedTruePositive or ClosedFalsePositive;

    /// <summary>Open or acknowledged: still needs someone.</summary>
    public static bool IsActive(string status) => status is Open or Acknowledged;
}

namespace Vigil.Storage.Rules;

/// <summary>How many alerts a rule raised and when it last saw a detection.</summary>
/// <param name="Alerts">Alerts raised (any status).</param>
/// <param name="LastSeen">The latest detection time of any of them.</param>
public sealed record RuleAlertStats(long Alerts, DateTimeOffset LastSeen);

namespace Vigil.Detection.Analytics;

/// <summary>Failures of enough distinct accounts from one address within one window.</summary>
/// <param name="Start">The first failure's time.</param>
/// <param name="End">The last failure's time.</param>
/// <param name="Failures">The failures, oldest first.</param>
/// <param name="Accounts">How many distinct accounts failed.</param>
internal sealed record SprayCluster(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SprayAttempt> Failures, int Accounts);

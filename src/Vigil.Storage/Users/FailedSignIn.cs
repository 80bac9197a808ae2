namespace Vigil.Storage.Users;

/// <summary>What recording a failed sign-in did.</summary>
/// <param name="Failures">Failures counted since the last success (reset to 0 when this one locked the account).</param>
/// <param name="LockedUntil">When this failure locked the account, until when; otherwise null.</param>
public sealed record FailedSignIn(int Failures, DateTimeOffset? LockedUntil);

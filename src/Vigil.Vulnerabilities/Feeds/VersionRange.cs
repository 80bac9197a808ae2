namespace Vigil.Vulnerabilities.Feeds;

/// <summary>
/// One affected interval: from <see cref="Introduced"/> (inclusive; null or <c>0</c> = from the beginning) up to
/// <see cref="Fixed"/> (exclusive) or <see cref="LastAffected"/> (inclusive); both null = every later version.
/// </summary>
public sealed record VersionRange(string? Introduced, string? Fixed, string? LastAffected);

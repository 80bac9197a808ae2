namespace Vigil.Storage.Vulnerabilities;

/// <summary>One <c>vigil vulns scan</c>: when, for which date, and what it counted.</summary>
public sealed record ScanRun(long Id, DateTimeOffset StartedAt, DateTimeOffset AsOf, int Assets, int Components, int Findings, int Resolved, int Problems);

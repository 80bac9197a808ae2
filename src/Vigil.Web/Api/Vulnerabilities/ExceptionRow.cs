namespace Vigil.Web.Api.Vulnerabilities;

/// <summary>An exception with whether it is still in force.</summary>
internal sealed record ExceptionRow(long Id, string? Asset, string Advisory, string? Package, string Owner, string Reason, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, bool Active);

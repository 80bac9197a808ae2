namespace Vigil.Web.Api.Vulnerabilities;

/// <summary>A new exception: the advisory or CVE, optionally one asset and package, who owns the risk, why, and until when (ISO 8601 or <c>90d</c>).</summary>
internal sealed record ExceptionRequest(string? Advisory, string? Asset, string? Package, string? Owner, string? Reason, string? Expires);

namespace Vigil.Web.Api.Discovery;

/// <summary>What to scan: a file or folder under one of <c>http:discovery:roots</c> (a relative path is taken under the first).</summary>
internal sealed record StartScanRequest(string? Path);

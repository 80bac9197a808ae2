namespace Vigil.Web.Api;

/// <summary>Body of <c>POST /api/v1/tokens</c>.</summary>
internal sealed record TokenRequest(string Name, IReadOnlyList<string> Scopes);

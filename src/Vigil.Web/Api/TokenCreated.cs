namespace Vigil.Web.Api;

/// <summary>A created token: <paramref name="Secret"/> is shown this once and never stored.</summary>
internal sealed record TokenCreated(string Id, string Name, IReadOnlyList<string> Scopes, string Secret);

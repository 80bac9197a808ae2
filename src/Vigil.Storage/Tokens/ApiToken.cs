namespace Vigil.Storage.Tokens;

/// <summary>An API token as stored (the secret itself is never stored, only its SHA-256 hash).</summary>
/// <param name="Id">Short public id (the token's prefix), shown in listings and logs.</param>
/// <param name="Name">What the operator called it.</param>
/// <param name="Scopes">What it may do, such as <c>ingest</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
public sealed record ApiToken(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

namespace Vigil.Storage.Tokens;

/// <summary>Bearer tokens for the HTTP API.</summary>
/// <remarks>
/// Thread-safe. Tokens are 256-bit random secrets formatted <c>vgl_{id}_{secret}</c>; the store keeps the id and the
/// SHA-256 of the whole token, compares hashes in constant time, and cannot give a token back after creating it.
/// </remarks>
public interface ITokenStore
{
    /// <summary>Creates a token; the returned text is the only copy of the secret.</summary>
    Task<(ApiToken Token, string Secret)> CreateAsync(string name, IReadOnlyList<string> scopes, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The live (not revoked) token that <paramref name="secret"/> is, or null.</summary>
    Task<ApiToken?> ValidateAsync(string secret, CancellationToken cancellationToken);

    /// <summary>All tokens, revoked ones included.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a token by id; false when there is no such live token.</summary>
    Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}

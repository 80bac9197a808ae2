using System.Data.Common;
using System.Security.Cryptography;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Tokens;

/// <summary>API tokens on either database; scopes are stored space-separated.</summary>
internal sealed class SqlTokenStore : ITokenStore
{
    private readonly Database _db;

    public SqlTokenStore(Database db) => _db = db;

    public async Task<(ApiToken Token, string Secret)> CreateAsync(string name, IReadOnlyList<string> scopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Any(s => s.Length == 0 || s.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("A scope is a non-empty word without spaces.", nameof(scopes));
        }

        var id = TokenFormat.NewId();
        var secret = TokenFormat.NewToken(id);
        var created = Db.Time(Db.Micros(now));
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO tokens (id, name, scopes, hash, created_at) VALUES (@id, @n, @s, @h, @t)")
            .With("@id", id)
            .With("@n", Db.Text(name))
            .With("@s", string.Join(' ', scopes))
            .With("@h", TokenFormat.Hash(secret))
            .With("@t", Db.Micros(created));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return (new ApiToken(id, name, [.. scopes], created, null), secret);
    }

    public async Task<ApiToken?> ValidateAsync(string secret, CancellationToken cancellationToken)
    {
        if (secret is null || TokenFormat.IdOf(secret) is not { } id)
        {
            return null;
        }

        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, scopes, created_at, revoked_at, hash FROM tokens WHERE id = @id";
        command.With("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var token = Read(reader);
        var matches = CryptographicOperations.FixedTimeEquals(TokenFormat.Hash(secret), reader.GetFieldValue<byte[]>(5));
        return matches && token.RevokedAt is null ? token : null;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, scopes, created_at, revoked_at FROM tokens ORDER BY created_at, id";
        var tokens = new List<ApiToken>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(Read(reader));
        }

        return tokens;
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE tokens SET revoked_at = @t WHERE id = @id AND revoked_at IS NULL")
            .With("@t", Db.Micros(now))
            .With("@id", id);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }

    private static ApiToken Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Db.Time(reader.GetInt64(3)),
        reader.IsDBNull(4) ? null : Db.Time(reader.GetInt64(4)));
}

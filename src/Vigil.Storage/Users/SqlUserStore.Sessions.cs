using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Users;

/// <summary>Sessions and set-up tokens: random 256-bit ids, stored as their SHA-256.</summary>
internal sealed partial class SqlUserStore
{
    public async Task<string> CreateSessionAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = NewSecret();
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (@h, @u, @t, @t)")
            .With("@h", Hash(id))
            .With("@u", userId)
            .With("@t", Db.Micros(now));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return id;
    }

    public async Task<UserSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, created_at, last_seen_at, revoked_at FROM sessions WHERE id_hash = @h";
        command.With("@h", Hash(sessionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new UserSession(
            reader.GetInt64(0),
            Db.Time(reader.GetInt64(1)),
            Db.Time(reader.GetInt64(2)),
            reader.IsDBNull(3) ? null : Db.Time(reader.GetInt64(3)));
    }

    public async Task TouchSessionAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE sessions SET last_seen_at = @t WHERE id_hash = @h AND last_seen_at < @t")
            .With("@t", Db.Micros(now))
            .With("@h", Hash(sessionId));
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task<bool> RevokeSessionAsync(string sessionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE sessions SET revoked_at = @t WHERE id_hash = @h AND revoked_at IS NULL")
            .With("@t", Db.Micros(now))
            .With("@h", Hash(sessionId));
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<int> RevokeSessionsAsync(long userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE sessions SET revoked_at = @t WHERE user_id = @u AND revoked_at IS NULL")
            .With("@t", Db.Micros(now))
            .With("@u", userId);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed;
    }

    public async Task<string> CreateSetupTokenAsync(DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = NewSecret();
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO setup_tokens (hash, created_at, expires_at) VALUES (@h, @c, @e)")
            .With("@h", Hash(token))
            .With("@c", Db.Micros(now))
            .With("@e", Db.Micros(now + lifetime));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return token;
    }

    public async Task<bool> IsSetupTokenValidAsync(string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM setup_tokens WHERE hash = @h AND used_at IS NULL AND expires_at > @t";
        command.With("@h", Hash(token ?? "")).With("@t", Db.Micros(now));
        return await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<bool> RedeemSetupTokenAsync(string token, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE setup_tokens SET used_at = @t WHERE hash = @h AND used_at IS NULL AND expires_at > @t")
            .With("@t", Db.Micros(now))
            .With("@h", Hash(token ?? ""));
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}

using System.Data.Common;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Users;

/// <summary>Users on either database; names are unique by their lower-case form.</summary>
internal sealed partial class SqlUserStore : IUserStore
{
    private const string Columns = "id, name, role, password_hash, totp_secret, totp_enrolled, totp_last_step, failed_sign_ins, locked_until, disabled_at, created_at";
    private readonly Database _db;

    public SqlUserStore(Database db) => _db = db;

    public async Task<UserAccount?> CreateAsync(string name, string role, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!UserNames.IsValid(name))
        {
            throw new ArgumentException("A name is 1 to 64 letters, digits and . _ - @.", nameof(name));
        }

        ArgumentException.ThrowIfNullOrEmpty(role);
        ArgumentException.ThrowIfNullOrEmpty(passwordHash);
        var created = Db.Time(Db.Micros(now));
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using (var exists = scope.Command("SELECT COUNT(*) FROM users WHERE name_key = @k").With("@k", Key(name)))
        {
            if (await Db.ScalarInt64Async(exists, cancellationToken).ConfigureAwait(false) > 0)
            {
                return null;
            }
        }

        using var insert = scope.Command("""
            INSERT INTO users (name, name_key, role, password_hash, totp_enrolled, totp_last_step, failed_sign_ins, created_at)
            VALUES (@n, @k, @r, @h, 0, 0, 0, @t) RETURNING id
            """)
            .With("@n", name)
            .With("@k", Key(name))
            .With("@r", role)
            .With("@h", passwordHash)
            .With("@t", Db.Micros(created));
        var id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? throw new StoreException("The new user got no id.");
        await scope.CommitAsync().ConfigureAwait(false);
        return new UserAccount(id, name, role, passwordHash, null, false, 0, 0, null, null, created);
    }

    public Task<UserAccount?> FindAsync(string name, CancellationToken cancellationToken)
        => UserNames.IsValid(name) ? SingleAsync("name_key = @k", "@k", Key(name), cancellationToken) : Task.FromResult<UserAccount?>(null);

    public Task<UserAccount?> GetAsync(long id, CancellationToken cancellationToken) => SingleAsync("id = @k", "@k", id, cancellationToken);

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users ORDER BY name_key";
        var users = new List<UserAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    public async Task<bool> AnyEnabledWithRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM users WHERE role = @r AND disabled_at IS NULL";
        command.With("@r", role);
        return await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false) > 0;
    }

    public Task<bool> SetPasswordHashAsync(long id, string passwordHash, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE users SET password_hash = @v WHERE id = @id", id, passwordHash, null, cancellationToken);

    public Task<bool> SetRoleAsync(long id, string role, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE users SET role = @v WHERE id = @id", id, role, now, cancellationToken);

    public Task<bool> SetDisabledAsync(long id, bool disabled, DateTimeOffset now, CancellationToken cancellationToken)
        => disabled
            ? UpdateAsync("UPDATE users SET disabled_at = @v WHERE id = @id", id, Db.Micros(now), now, cancellationToken)
            : UpdateAsync("UPDATE users SET disabled_at = NULL, failed_sign_ins = 0, locked_until = NULL WHERE id = @id", id, null, null, cancellationToken);

    public async Task<bool> SetTotpAsync(long id, byte[]? protectedSecret, bool enrolled, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE users SET totp_secret = @s, totp_enrolled = @e WHERE id = @id")
            .With("@s", protectedSecret)
            .With("@e", enrolled && protectedSecret is not null ? 1L : 0L)
            .With("@id", id);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> TryUseTotpStepAsync(long id, long step, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE users SET totp_last_step = @s WHERE id = @id AND totp_last_step < @s")
            .With("@s", step)
            .With("@id", id);
        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<FailedSignIn> RecordFailedSignInAsync(long id, DateTimeOffset now, int threshold, TimeSpan lockout, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @id RETURNING failed_sign_ins").With("@id", id);
        var failures = (int)(await Db.ScalarInt64Async(update, cancellationToken).ConfigureAwait(false) ?? 0);
        DateTimeOffset? lockedUntil = null;
        if (failures >= threshold)
        {
            lockedUntil = Db.Time(Db.Micros(now + lockout));
            using var lockCommand = scope.Command("UPDATE users SET failed_sign_ins = 0, locked_until = @u WHERE id = @id")
                .With("@u", Db.Micros(lockedUntil.Value))
                .With("@id", id);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            failures = 0;
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return new FailedSignIn(failures, lockedUntil);
    }

    public async Task ClearFailedSignInsAsync(long id, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = @id").With("@id", id);
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    private static string Key(string name) => name.ToLowerInvariant();

    private static UserAccount Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
        reader.GetInt64(5) != 0,
        reader.GetInt64(6),
        (int)reader.GetInt64(7),
        reader.IsDBNull(8) ? null : Db.Time(reader.GetInt64(8)),
        reader.IsDBNull(9) ? null : Db.Time(reader.GetInt64(9)),
        Db.Time(reader.GetInt64(10)));

    private async Task<UserAccount?> SingleAsync(string where, string name, object value, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users WHERE {where}";
        command.With(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>One update of a user by id; with <paramref name="revokeAt"/>, also revokes the user's live sessions.</summary>
    private async Task<bool> UpdateAsync(string sql, long id, object? value, DateTimeOffset? revokeAt, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command(sql).With("@id", id);
        if (value is not null)
        {
            update.With("@v", value);
        }

        var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (changed == 1 && revokeAt is { } now)
        {
            using var revoke = scope.Command("UPDATE sessions SET revoked_at = @t WHERE user_id = @id AND revoked_at IS NULL")
                .With("@t", Db.Micros(now))
                .With("@id", id);
            await revoke.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return changed == 1;
    }
}

using Vigil.Storage.Sql;

namespace Vigil.Storage;

/// <summary>Named values in the <c>state</c> table, on either database.</summary>
internal sealed class SqlKeyValueStore : IKeyValueStore
{
    private readonly Database _db;

    public SqlKeyValueStore(Database db) => _db = db;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM state WHERE key = @k";
        command.With("@k", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var command = scope.Command("INSERT INTO state (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .With("@k", Db.Text(key))
            .With("@v", Db.Text(value));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }
}

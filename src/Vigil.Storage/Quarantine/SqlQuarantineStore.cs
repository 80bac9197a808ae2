using Vigil.Storage.Sql;

namespace Vigil.Storage.Quarantine;

/// <summary>Rejected input on either database, raw bytes truncated to <see cref="MaxRaw"/>.</summary>
internal sealed class SqlQuarantineStore : IQuarantineStore
{
    public const int MaxRaw = 64 * 1024;
    private readonly Database _db;

    public SqlQuarantineStore(Database db) => _db = db;

    public async Task AddAsync(IReadOnlyList<QuarantinedItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            var raw = item.Raw ?? [];
            using var insert = scope.Command("INSERT INTO quarantine (listener, origin, reason, received_at, raw) VALUES (@l, @o, @r, @t, @raw)")
                .With("@l", Db.Text(item.Listener))
                .With("@o", Db.Text(item.Origin))
                .With("@r", Db.Text(item.Reason))
                .With("@t", Db.Micros(item.ReceivedAt))
                .With("@raw", raw.Length <= MaxRaw ? raw : raw[..MaxRaw]);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<QuarantinedItem>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, listener, origin, reason, received_at, raw FROM quarantine ORDER BY id DESC LIMIT @limit";
        command.With("@limit", Math.Max(limit, 0));
        var items = new List<QuarantinedItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new QuarantinedItem(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Db.Time(reader.GetInt64(4)), reader.GetFieldValue<byte[]>(5)));
        }

        return items;
    }
}

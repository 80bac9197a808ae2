using Vigil.Storage.Sql;

namespace Vigil.Storage.Notifications;

/// <summary>The outbox on either database. Status is <c>pending</c>, <c>delivered</c> or <c>failed</c> (given up).</summary>
internal sealed class SqlNotificationOutbox : INotificationOutbox
{
    private readonly Database _db;

    public SqlNotificationOutbox(Database db) => _db = db;

    public async Task<IReadOnlyList<PendingNotification>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, alert_id, channel, attempts, next_attempt_at FROM notifications "
            + "WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @limit";
        command.With("@now", Db.Micros(now)).With("@limit", Math.Max(limit, 0));
        var due = new List<PendingNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            due.Add(new PendingNotification(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), (int)reader.GetInt64(3), Db.Time(reader.GetInt64(4))));
        }

        return due;
    }

    public Task MarkDeliveredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
        => UpdateAsync("UPDATE notifications SET status = 'delivered', updated_at = @now WHERE id = @id", id, now, null, cancellationToken);

    public Task MarkFailedAsync(long id, string reason, DateTimeOffset nextAttemptAt, bool giveUp, CancellationToken cancellationToken)
        => UpdateAsync(
            "UPDATE notifications SET attempts = attempts + 1, last_error = @reason, next_attempt_at = @now, updated_at = @now, "
            + $"status = '{(giveUp ? "failed" : "pending")}' WHERE id = @id AND status = 'pending'",
            id,
            nextAttemptAt,
            Db.Text(reason),
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> PendingByChannelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, COUNT(*) FROM notifications WHERE status = 'pending' GROUP BY channel";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private async Task UpdateAsync(string sql, long id, DateTimeOffset time, string? reason, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var command = scope.Command(sql).With("@id", id).With("@now", Db.Micros(time));
        if (reason is not null)
        {
            command.With("@reason", reason);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }
}

using Vigil.Storage.Sql;

namespace Vigil.Storage.Events;

/// <summary>
/// Deletes the oldest events beyond a <see cref="RetentionPolicy"/>, in chunks of their own transactions, so appends
/// wait for at most one chunk; also forgets idempotency keys older than <see cref="KeyLifetime"/>.
/// </summary>
/// <remarks>
/// Ids follow commit order, and so (nearly) receipt order: age retention finds the oldest event received at or after
/// the cutoff by walking the primary key, and deletes every id below it. An event received before the cutoff but
/// committed after a younger one waits for a later run. This keeps retention on the primary key, without an index on
/// receipt time that every insert would pay for.
/// </remarks>
internal sealed class EventRetention
{
    /// <summary>How long a retried batch is recognised as a duplicate: far longer than any sender retries.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);

    private const int Chunk = 20_000;
    private readonly Database _db;

    public EventRetention(Database db) => _db = db;

    public async Task<long> ApplyAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        long deleted = 0;
        if (policy.MaxAge is { } age)
        {
            var boundary = await ScalarAsync(
                "SELECT id FROM events WHERE received_at >= @x ORDER BY id LIMIT 1", Db.Micros(now - age), cancellationToken).ConfigureAwait(false);
            deleted += await DeleteBelowAsync(boundary ?? long.MaxValue, cancellationToken).ConfigureAwait(false);
        }

        if (policy.MaxEvents is { } max)
        {
            // The newest event beyond the limit: everything up to it goes.
            var last = await ScalarAsync(
                "SELECT id FROM events ORDER BY id DESC LIMIT 1 OFFSET @x", Math.Max(max, 0), cancellationToken).ConfigureAwait(false);
            if (last is { } id)
            {
                deleted += await DeleteBelowAsync(id + 1, cancellationToken).ConfigureAwait(false);
            }
        }

        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var keys = scope.Command("DELETE FROM idempotency_keys WHERE committed_at < @t").With("@t", Db.Micros(now - KeyLifetime));
        await keys.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return deleted;
    }

    private async Task<long?> ScalarAsync(string sql, long argument, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.With("@x", argument);
        return await Db.ScalarInt64Async(command, cancellationToken).ConfigureAwait(false);
    }

    // Each chunk ends below the (Chunk + 1)th smallest id under the bound; the event blocks are trimmed in the same
    // transaction, under the events lock so that no append extends a block being summarised again.
    private async Task<long> DeleteBelowAsync(long bound, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var scope = await _db.BeginWriteAsync(WriteLock.Events, cancellationToken).ConfigureAwait(false);
            long cut;
            using (var end = scope.Command("SELECT id FROM events WHERE id < @b ORDER BY id LIMIT 1 OFFSET @n").With("@b", bound).With("@n", Chunk))
            {
                cut = await Db.ScalarInt64Async(end, cancellationToken).ConfigureAwait(false) ?? bound;
            }

            using var command = scope.Command("DELETE FROM events WHERE id < @c").With("@c", cut);
            var count = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            if (count > 0)
            {
                await EventBlockTrim.AfterDeleteBelowAsync(scope, cut, cancellationToken).ConfigureAwait(false);
            }

            await scope.CommitAsync().ConfigureAwait(false);
            total += count;
            if (count < Chunk)
            {
                return total;
            }
        }
    }
}

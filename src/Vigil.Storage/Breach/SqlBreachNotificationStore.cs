using System.Data.Common;
using Vigil.Response.Breach;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Breach;

/// <summary>Notification records on either database (see <see cref="IBreachNotificationStore"/>).</summary>
internal sealed class SqlBreachNotificationStore(Database db, TimeProvider time) : IBreachNotificationStore
{
    private const string Columns = "id, incident_id, jurisdiction, deadline, phase, sent_at, reference, recorded_by, recorded_at";

    public async Task<NotificationRecord?> RecordAsync(long incidentId, NewNotificationRecord notification, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Jurisdiction);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Deadline);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!NotificationPhases.IsValid(notification.Phase))
        {
            throw new ArgumentException($"The phase must be one of {string.Join(", ", NotificationPhases.All)}.", nameof(notification));
        }

        var now = Db.Time(Db.Micros(time.GetUtcNow()));
        var reference = string.IsNullOrWhiteSpace(notification.Reference) ? null : Db.Text(notification.Reference.Trim());
        await using var scope = await db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using (var exists = scope.Command("SELECT COUNT(*) FROM incidents WHERE id = @i").With("@i", incidentId))
        {
            if (await Db.ScalarInt64Async(exists, cancellationToken).ConfigureAwait(false) != 1)
            {
                return null;
            }
        }

        long id;
        using (var insert = scope.Command("INSERT INTO breach_notifications (incident_id, jurisdiction, deadline, phase, sent_at, reference, recorded_by, recorded_at) VALUES (@i, @j, @d, @p, @s, @r, @b, @t) RETURNING id")
            .With("@i", incidentId)
            .With("@j", Db.Text(notification.Jurisdiction.Trim()))
            .With("@d", Db.Text(notification.Deadline.Trim()))
            .With("@p", notification.Phase)
            .With("@s", Db.Micros(notification.SentAt))
            .With("@r", reference)
            .With("@b", Db.Text(actor))
            .With("@t", Db.Micros(now)))
        {
            id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return new NotificationRecord(id, incidentId, notification.Jurisdiction.Trim(), notification.Deadline.Trim(), notification.Phase, Db.Time(Db.Micros(notification.SentAt)), reference, actor, now);
    }

    public Task<IReadOnlyList<NotificationRecord>> ListAsync(long? incidentId, CancellationToken cancellationToken)
        => db.QueryAsync($"SELECT {Columns} FROM breach_notifications WHERE (@i IS NULL OR incident_id = @i) ORDER BY id", c => c.WithInt64("@i", incidentId), Read, cancellationToken);

    public async Task<IReadOnlySet<string>> MetAsync(long incidentId, CancellationToken cancellationToken)
        => (await ListAsync(incidentId, cancellationToken).ConfigureAwait(false)).Select(static r => r.Key).ToHashSet(StringComparer.Ordinal);

    private static NotificationRecord Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Db.Time(r.GetInt64(5)),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetString(7),
        Db.Time(r.GetInt64(8)));
}

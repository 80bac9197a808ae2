using Vigil.Response.Incidents;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Tasks, comments, observables, linked alerts and reminders.</summary>
internal sealed partial class SqlIncidentStore
{
    public async Task<IReadOnlyList<IncidentTask>> AddTasksAsync(long incidentId, IReadOnlyList<NewIncidentTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        long last;
        using (var reserve = scope.Command(IncidentCounterSchema.ReserveTasks).With("@n", (long)tasks.Count).With("@i", incidentId))
        {
            // No row: no such incident, and the inserts below fail on its foreign key as they always did.
            last = (await Db.ScalarInt64Async(reserve, cancellationToken).ConfigureAwait(false) ?? tasks.Count) - tasks.Count;
        }

        var added = new List<IncidentTask>();
        foreach (var task in tasks)
        {
            var number = (int)++last;
            using var insert = scope.Command("INSERT INTO incident_tasks (incident_id, number, title, step_group, source, assignee) VALUES (@i, @n, @t, @g, @s, @a)")
                .With("@i", incidentId)
                .With("@n", (long)number)
                .With("@t", Db.Text(task.Title))
                .With("@g", Db.Text(task.Group))
                .With("@s", task.Source)
                .With("@a", task.Assignee);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            added.Add(new IncidentTask(incidentId, number, task.Title, task.Group, task.Source, task.Assignee, null, null));
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return added;
    }

    public async Task<IReadOnlyList<IncidentTask>> ListTasksAsync(long incidentId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT incident_id, number, title, step_group, source, assignee, done_by, done_at, note_sealed FROM incident_tasks WHERE incident_id = @i ORDER BY number",
            c => c.With("@i", incidentId),
            r => (Task: new IncidentTask(
                r.GetInt64(0),
                (int)r.GetInt64(1),
                r.GetString(2),
                r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6),
                r.IsDBNull(7) ? null : Db.Time(r.GetInt64(7))), Note: r.IsDBNull(8) ? null : r.GetFieldValue<byte[]>(8)),
            cancellationToken).ConfigureAwait(false);
        var dataKey = rows.Any(static r => r.Note is not null) ? await ReadKeyAsync(incidentId, cancellationToken).ConfigureAwait(false) : null;
        var tasks = new List<IncidentTask>(rows.Count);
        foreach (var (task, note) in rows)
        {
            tasks.Add(task with { Note = await OpenTextAsync(dataKey, incidentId, "incident_tasks", task.Number, note, null, cancellationToken).ConfigureAwait(false) });
        }

        return tasks;
    }

    public Task<bool> CompleteTaskAsync(long incidentId, int number, string doneBy, CancellationToken cancellationToken)
        => CompleteTaskAsync(incidentId, number, doneBy, null, cancellationToken);

    public async Task<bool> CompleteTaskAsync(long incidentId, int number, string doneBy, string? note, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command("UPDATE incident_tasks SET done_by = @b, done_at = @t WHERE incident_id = @i AND number = @n AND done_at IS NULL")
            .With("@b", Db.Text(doneBy))
            .With("@t", Db.Micros(now))
            .With("@i", incidentId)
            .With("@n", (long)number);
        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            var dataKey = await DataKeyAsync(scope, incidentId, cancellationToken).ConfigureAwait(false);
            await SealIntoAsync(scope, dataKey, incidentId, "incident_tasks", "note_sealed", "number", number, note.Trim(), cancellationToken).ConfigureAwait(false);
        }

        await InsertTimelineAsync(scope, incidentId, now, $"user:{doneBy}", $"Task {number} done", doneBy, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    public async Task<IncidentComment> AddCommentAsync(long incidentId, string author, string text, CancellationToken cancellationToken)
    {
        var now = Db.Time(Db.Micros(_time.GetUtcNow()));
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        var dataKey = await DataKeyAsync(scope, incidentId, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO incident_comments (incident_id, author, at, text) VALUES (@i, @a, @t, '') RETURNING id")
            .With("@i", incidentId)
            .With("@a", Db.Text(author))
            .With("@t", Db.Micros(now));
        var id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? 0;
        await SealIntoAsync(scope, dataKey, incidentId, "incident_comments", "text_sealed", "id", id, text, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return new IncidentComment(id, incidentId, author, now, text);
    }

    public async Task<IReadOnlyList<IncidentComment>> ListCommentsAsync(long incidentId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT id, incident_id, author, at, text, text_sealed FROM incident_comments WHERE incident_id = @i ORDER BY at, id",
            c => c.With("@i", incidentId),
            r => (Comment: new IncidentComment(r.GetInt64(0), r.GetInt64(1), r.GetString(2), Db.Time(r.GetInt64(3)), r.GetString(4)), Sealed: r.IsDBNull(5) ? null : r.GetFieldValue<byte[]>(5)),
            cancellationToken).ConfigureAwait(false);
        var dataKey = rows.Any(static r => r.Sealed is not null) ? await ReadKeyAsync(incidentId, cancellationToken).ConfigureAwait(false) : null;
        var comments = new List<IncidentComment>(rows.Count);
        foreach (var (comment, sealedText) in rows)
        {
            comments.Add(comment with { Text = (await OpenTextAsync(dataKey, incidentId, "incident_comments", comment.Id, sealedText, comment.Text, cancellationToken).ConfigureAwait(false))! });
        }

        return comments;
    }

    public async Task<int> AddObservablesAsync(long incidentId, IReadOnlyList<Observable> observables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observables);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var o in observables)
        {
            using var insert = scope.Command("INSERT INTO incident_observables (incident_id, kind, value, source) VALUES (@i, @k, @v, @s) ON CONFLICT DO NOTHING")
                .With("@i", incidentId)
                .With("@k", o.Kind)
                .With("@v", Db.Text(o.Value))
                .With("@s", Db.Text(o.Source));
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
        return added;
    }

    public Task<IReadOnlyList<Observable>> ListObservablesAsync(long incidentId, CancellationToken cancellationToken)
        => QueryAsync(
            "SELECT kind, value, source FROM incident_observables WHERE incident_id = @i ORDER BY kind, value",
            c => c.With("@i", incidentId),
            r => new Observable(r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken);

    public async Task LinkAlertsAsync(long incidentId, IReadOnlyList<long> alertIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertIds);
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        foreach (var alertId in alertIds)
        {
            using var insert = scope.Command("INSERT INTO incident_alerts (incident_id, alert_id) VALUES (@i, @a) ON CONFLICT DO NOTHING").With("@i", incidentId).With("@a", alertId);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await scope.CommitAsync().ConfigureAwait(false);
    }

    public Task<IReadOnlyList<long>> ListAlertIdsAsync(long incidentId, CancellationToken cancellationToken)
        => QueryAsync("SELECT alert_id FROM incident_alerts WHERE incident_id = @i ORDER BY alert_id", c => c.With("@i", incidentId), r => r.GetInt64(0), cancellationToken);

    public async Task<bool> MarkReminderAsync(long incidentId, string key, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO incident_reminders (incident_id, reminder_key, raised_at) VALUES (@i, @k, @t) ON CONFLICT DO NOTHING")
            .With("@i", incidentId)
            .With("@k", key)
            .With("@t", Db.Micros(_time.GetUtcNow()));
        var added = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await scope.CommitAsync().ConfigureAwait(false);
        return added;
    }

    public async Task<IReadOnlySet<string>> ListRemindersAsync(long incidentId, CancellationToken cancellationToken)
        => (await QueryAsync("SELECT reminder_key FROM incident_reminders WHERE incident_id = @i", c => c.With("@i", incidentId), r => r.GetString(0), cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
}

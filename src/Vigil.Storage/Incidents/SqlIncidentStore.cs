using System.Data.Common;
using System.Globalization;
using Vigil.Response.Incidents;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Incidents on either database (see <see cref="IIncidentStore"/>).</summary>
internal sealed partial class SqlIncidentStore : IIncidentStore
{
    private const string Columns = "id, reference, title, severity, status, owner, opened_at, aware_at, jurisdictions, playbook";
    private readonly Database _db;
    private readonly TimeProvider _time;
    private readonly KeyRing _keys;

    public SqlIncidentStore(Database db, TimeProvider time, KeyRing keys)
    {
        _db = db;
        _time = time;
        _keys = keys;
    }

    public async Task<Incident> CreateAsync(NewIncident incident, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (string.IsNullOrWhiteSpace(incident.Title))
        {
            throw new ArgumentException("An incident needs a title.", nameof(incident));
        }

        if (!IncidentSeverity.IsValid(incident.Severity))
        {
            throw new ArgumentException($"Severity must be one of {string.Join(", ", IncidentSeverity.All)}.", nameof(incident));
        }

        var now = Db.Time(Db.Micros(_time.GetUtcNow()));
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        long number;
        using (var next = scope.Command(IncidentCounterSchema.NextReference).With("@k", IncidentCounterSchema.ReferenceCounter(now.Year)))
        {
            number = await Db.ScalarInt64Async(next, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        var reference = $"INC-{now.Year.ToString("0000", CultureInfo.InvariantCulture)}-{number.ToString("0000", CultureInfo.InvariantCulture)}";
        long id;
        using (var insert = scope.Command("INSERT INTO incidents (reference, title, severity, status, owner, opened_at, aware_at, jurisdictions, playbook) VALUES (@r, @t, @s, @st, @o, @op, @aw, @j, @p) RETURNING id")
            .With("@r", reference)
            .With("@t", Db.Text(incident.Title))
            .With("@s", incident.Severity)
            .With("@st", IncidentStatus.New.ToString())
            .With("@o", incident.Owner)
            .With("@op", Db.Micros(now))
            .With("@aw", Db.Micros(incident.AwareAt))
            .With("@j", string.Join(' ', incident.Jurisdictions))
            .With("@p", incident.Playbook))
        {
            id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? 0;
        }

        if (!string.IsNullOrWhiteSpace(incident.Description))
        {
            var dataKey = await DataKeyAsync(scope, id, cancellationToken).ConfigureAwait(false);
            await SealIntoAsync(scope, dataKey, id, "incidents", "description_sealed", "id", id, incident.Description.Trim(), cancellationToken).ConfigureAwait(false);
        }

        await InsertTimelineAsync(scope, id, now, "system", $"Incident {reference} opened", actor, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return new Incident(id, reference, incident.Title, incident.Severity, IncidentStatus.New, incident.Owner, now, Db.Time(Db.Micros(incident.AwareAt)), [.. incident.Jurisdictions], incident.Playbook);
    }

    public async Task<Incident?> GetAsync(long id, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {Columns} FROM incidents WHERE id = @i", c => c.With("@i", id), ReadIncident, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<Incident?> GetByReferenceAsync(string reference, CancellationToken cancellationToken)
        => (await QueryAsync($"SELECT {Columns} FROM incidents WHERE reference = @r", c => c.With("@r", reference.Trim().ToUpperInvariant()), ReadIncident, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<bool> UpdateStatusAsync(long id, IncidentStatus status, string actor, CancellationToken cancellationToken)
        => UpdateAsync(id, "status", status.ToString(), $"Status set to {status}", actor, cancellationToken);

    public Task<bool> MoveStatusAsync(long id, IncidentStatus from, IncidentStatus to, string actor, CancellationToken cancellationToken)
        => UpdateAsync(id, "status", to.ToString(), $"Status set to {to}", actor, cancellationToken, from.ToString());

    public Task<bool> SetOwnerAsync(long id, string? owner, string actor, CancellationToken cancellationToken)
        => UpdateAsync(id, "owner", owner, owner is null ? "Owner cleared" : $"Owner set to {owner}", actor, cancellationToken);

    public async Task<TimelineEntry> AddTimelineEntryAsync(long incidentId, DateTimeOffset at, string source, string text, string actor, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        var entry = await InsertTimelineAsync(scope, incidentId, at, source, text, actor, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return entry;
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListTimelineAsync(long incidentId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT id, incident_id, at, source, text, added_by, text_sealed FROM incident_timeline WHERE incident_id = @i ORDER BY at, id",
            c => c.With("@i", incidentId),
            r => (Entry: new TimelineEntry(r.GetInt64(0), r.GetInt64(1), Db.Time(r.GetInt64(2)), r.GetString(3), r.GetString(4), r.GetString(5)), Sealed: r.IsDBNull(6) ? null : r.GetFieldValue<byte[]>(6)),
            cancellationToken).ConfigureAwait(false);
        var dataKey = rows.Any(static r => r.Sealed is not null) ? await ReadKeyAsync(incidentId, cancellationToken).ConfigureAwait(false) : null;
        var entries = new List<TimelineEntry>(rows.Count);
        foreach (var (entry, sealedText) in rows)
        {
            entries.Add(entry with { Text = (await OpenTextAsync(dataKey, incidentId, "incident_timeline", entry.Id, sealedText, entry.Text, cancellationToken).ConfigureAwait(false))! });
        }

        return entries;
    }

    /// <summary>Inserts a timeline entry whose text is sealed under the incident's key (the clear column stays empty).</summary>
    private async Task<TimelineEntry> InsertTimelineAsync(WriteScope scope, long incidentId, DateTimeOffset at, string source, string text, string actor, CancellationToken cancellationToken)
    {
        var dataKey = await DataKeyAsync(scope, incidentId, cancellationToken).ConfigureAwait(false);
        using var insert = scope.Command("INSERT INTO incident_timeline (incident_id, at, source, text, added_by) VALUES (@i, @t, @s, '', @a) RETURNING id")
            .With("@i", incidentId)
            .With("@t", Db.Micros(at))
            .With("@s", Db.Text(source))
            .With("@a", Db.Text(actor));
        var id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? 0;
        await SealIntoAsync(scope, dataKey, incidentId, "incident_timeline", "text_sealed", "id", id, text, cancellationToken).ConfigureAwait(false);
        return new TimelineEntry(id, incidentId, Db.Time(Db.Micros(at)), source, text, actor);
    }

    private static Incident ReadIncident(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        Enum.Parse<IncidentStatus>(r.GetString(4)),
        r.IsDBNull(5) ? null : r.GetString(5),
        Db.Time(r.GetInt64(6)),
        Db.Time(r.GetInt64(7)),
        r.GetString(8).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        r.IsDBNull(9) ? null : r.GetString(9));

    private async Task<bool> UpdateAsync(long id, string column, string? value, string timeline, string actor, CancellationToken cancellationToken, string? expected = null)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.None, cancellationToken).ConfigureAwait(false);
        using var update = scope.Command($"UPDATE incidents SET {column} = @v WHERE id = @i" + (expected is null ? string.Empty : $" AND {column} = @e")).With("@v", value).With("@i", id);
        if (expected is not null)
        {
            update.With("@e", expected);
        }

        if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await InsertTimelineAsync(scope, id, _time.GetUtcNow(), $"user:{actor}", timeline, actor, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
        return true;
    }

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
        => _db.QueryAsync(sql, bind, read, cancellationToken);
}

using System.Text;
using Vigil.Response.Incidents;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Listing and counting incidents, the description, and the incidents an alert belongs to.</summary>
internal sealed partial class SqlIncidentStore
{
    public Task<IReadOnlyList<Incident>> ListAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim().ToLowerInvariant();
        var sql = new StringBuilder($"SELECT {Columns} FROM incidents WHERE 1 = 1");
        sql.Append(query.Status is null ? string.Empty : " AND status = @st")
            .Append(query.OpenOnly ? " AND status <> @closed" : string.Empty)
            .Append(string.IsNullOrEmpty(query.Severity) ? string.Empty : " AND severity = @sev")
            .Append(string.IsNullOrEmpty(query.Owner) ? string.Empty : " AND owner = @own")
            .Append(text is null ? string.Empty : " AND (LOWER(title) LIKE @txt ESCAPE '\\' OR LOWER(reference) LIKE @txt ESCAPE '\\')")
            .Append(query.Before is null ? string.Empty : " AND id < @before")
            .Append(" ORDER BY id DESC LIMIT @l");
        return QueryAsync(
            sql.ToString(),
            c =>
            {
                c.With("@l", (long)Math.Clamp(query.Limit, 1, 100_000));
                if (query.Status is { } status)
                {
                    c.With("@st", status.ToString());
                }

                if (query.OpenOnly)
                {
                    c.With("@closed", nameof(IncidentStatus.Closed));
                }

                if (!string.IsNullOrEmpty(query.Severity))
                {
                    c.With("@sev", query.Severity);
                }

                if (!string.IsNullOrEmpty(query.Owner))
                {
                    c.With("@own", query.Owner);
                }

                if (text is not null)
                {
                    c.With("@txt", "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
                }

                if (query.Before is { } before)
                {
                    c.With("@before", before);
                }
            },
            ReadIncident,
            cancellationToken);
    }

    public async Task<IReadOnlyDictionary<IncidentStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("SELECT status, COUNT(*) FROM incidents GROUP BY status", static _ => { }, static r => (r.GetString(0), r.GetInt64(1)), cancellationToken).ConfigureAwait(false);
        var counts = Enum.GetValues<IncidentStatus>().ToDictionary(static s => s, static _ => 0);
        foreach (var (status, count) in rows)
        {
            if (Enum.TryParse<IncidentStatus>(status, out var known))
            {
                counts[known] = (int)count;
            }
        }

        return counts;
    }

    public async Task<string?> GetDescriptionAsync(long id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("SELECT description_sealed FROM incidents WHERE id = @i", c => c.With("@i", id), static r => r.IsDBNull(0) ? null : r.GetFieldValue<byte[]>(0), cancellationToken).ConfigureAwait(false);
        if (rows.Count == 0 || rows[0] is not { } sealedText)
        {
            return null;
        }

        var dataKey = await ReadKeyAsync(id, cancellationToken).ConfigureAwait(false);
        return await OpenTextAsync(dataKey, id, "incidents", id, sealedText, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Incident>> ListForAlertAsync(long alertId, CancellationToken cancellationToken)
        => QueryAsync(
            $"SELECT {string.Join(", ", Columns.Split(", ").Select(static c => "i." + c))} FROM incidents i JOIN incident_alerts a ON a.incident_id = i.id WHERE a.alert_id = @a ORDER BY i.id DESC",
            c => c.With("@a", alertId),
            ReadIncident,
            cancellationToken);
}

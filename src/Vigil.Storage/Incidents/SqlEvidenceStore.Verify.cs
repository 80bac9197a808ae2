using System.Globalization;
using Vigil.Response.Evidence;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>Verification of files, sealed documents and the custody chain: of the whole store, or of one incident.</summary>
internal sealed partial class SqlEvidenceStore
{
    public async Task<EvidenceVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var entries = await ListCustodyAsync(null, cancellationToken).ConfigureAwait(false);
        if (CustodyChain.FirstBreak(entries) is { } chain)
        {
            return new EvidenceVerification(entries.Count, 0, 0, chain);
        }

        var (files, broken) = await CheckFilesAsync(null, entries, cancellationToken).ConfigureAwait(false);
        if (broken is not null)
        {
            return new EvidenceVerification(entries.Count, files, 0, broken);
        }

        var (documents, brokenDocument) = await CheckDocumentsAsync(null, cancellationToken).ConfigureAwait(false);
        return new EvidenceVerification(entries.Count, files, documents, brokenDocument);
    }

    public async Task<IncidentVerification> VerifyIncidentAsync(long incidentId, CancellationToken cancellationToken)
    {
        var entries = await ListCustodyAsync(null, cancellationToken).ConfigureAwait(false);
        var own = entries.Where(e => e.IncidentId == incidentId).ToList();
        if (CustodyChain.FirstBreak(entries) is { } chain)
        {
            return new IncidentVerification(incidentId, 0, 0, entries.Count, own.Count, chain);
        }

        var (files, broken) = await CheckFilesAsync(incidentId, own, cancellationToken).ConfigureAwait(false);
        if (broken is not null)
        {
            return new IncidentVerification(incidentId, files, 0, entries.Count, own.Count, broken);
        }

        var (documents, brokenDocument) = await CheckDocumentsAsync(incidentId, cancellationToken).ConfigureAwait(false);
        return new IncidentVerification(incidentId, files, documents, entries.Count, own.Count, brokenDocument);
    }

    /// <summary>Decrypts and re-hashes the files (of one incident or all), each against its intake entry in <paramref name="entries"/>.</summary>
    private async Task<(int Checked, string? Broken)> CheckFilesAsync(long? incidentId, IReadOnlyList<CustodyEntry> entries, CancellationToken cancellationToken)
    {
        var intakes = entries.Where(e => e.Action == "intake" && e.EvidenceId is not null).ToDictionary(e => e.EvidenceId!.Value, e => e.Detail);
        var files = 0;
        foreach (var row in await RowsAsync(incidentId, null, cancellationToken).ConfigureAwait(false))
        {
            var id = row.Id.ToString(CultureInfo.InvariantCulture);
            var expected = $"sha256={row.Sha256} length={row.Length.ToString(CultureInfo.InvariantCulture)}";
            if (!intakes.TryGetValue(row.Id, out var detail) || !string.Equals(detail, expected, StringComparison.Ordinal))
            {
                return (files, $"evidence {id}: its hash or length differs from its custody intake entry (or it has none)");
            }

            try
            {
                await DecryptAsync(row, Stream.Null, cancellationToken).ConfigureAwait(false);
            }
            catch (ProtectionException e)
            {
                return (files, $"evidence {id} (incident {row.IncidentId.ToString(CultureInfo.InvariantCulture)}): {e.Message}");
            }

            files++;
        }

        return (files, null);
    }

    /// <summary>Decrypts the sealed documents (of one incident or all).</summary>
    private async Task<(int Checked, string? Broken)> CheckDocumentsAsync(long? incidentId, CancellationToken cancellationToken)
    {
        var documents = 0;
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT incident_id, kind, key_id, wrapped_key, content FROM sealed_documents WHERE (@i IS NULL OR incident_id = @i) ORDER BY incident_id, kind";
        command.WithInt64("@i", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var (incident, kind) = (reader.GetInt64(0), reader.GetString(1));
            try
            {
                var dataKey = Envelope.Unwrap(_keys.Find(reader.GetString(2)), reader.GetFieldValue<byte[]>(3));
                await Envelope.OpenAsync(dataKey, SqlIncidentStore.SealedContext(incident, kind), reader.GetFieldValue<byte[]>(4), cancellationToken).ConfigureAwait(false);
            }
            catch (ProtectionException e)
            {
                return (documents, $"sealed document {kind} of incident {incident.ToString(CultureInfo.InvariantCulture)}: {e.Message}");
            }

            documents++;
        }

        return (documents, null);
    }
}

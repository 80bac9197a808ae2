using System.Data.Common;
using System.Globalization;
using System.Text;
using Vigil.Response.Evidence;
using Vigil.Storage.Protection;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Incidents;

/// <summary>
/// Evidence files encrypted in <c>{DataDirectory}/evidence</c> (one <c>.vge</c> file each, named by a random id), their
/// wrapped data keys, hashes and names (the name sealed too) in the database, and the custody log.
/// </summary>
internal sealed partial class SqlEvidenceStore : IEvidenceStore
{
    private const string Columns = "id, incident_id, name_sealed, blob_name, length, sha256, key_id, wrapped_key, added_by, added_at";
    private readonly Database _db;
    private readonly TimeProvider _time;
    private readonly KeyRing _keys;
    private readonly string _folder;
    private readonly string _dataDirectory;

    public SqlEvidenceStore(Database db, TimeProvider time, KeyRing keys, StoreOptions options)
    {
        _db = db;
        _time = time;
        _keys = keys;
        _folder = Path.Combine(Path.GetFullPath(options.DataDirectory), "evidence");
        _dataDirectory = options.DataDirectory;
        PrivateTempFolder.Sweep(PrivateTempFolder.AreaOf(options.DataDirectory));
    }

    public async Task<EvidenceItem> AddAsync(long incidentId, string fileName, Stream content, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        CreateFolder();
        var blobName = Guid.NewGuid().ToString("N") + ".vge";
        var path = Path.Combine(_folder, blobName);
        var dataKey = Envelope.NewDataKey();
        byte[] sha;
        long length;
        try
        {
            await using (var output = new FileStream(path, NewFileOptions()))
            {
                (sha, length) = await Envelope.EncryptAsync(dataKey, FileContext(blobName), content, output, cancellationToken).ConfigureAwait(false);
                output.Flush(flushToDisk: true);
            }

            var name = await Envelope.SealAsync(dataKey, NameContext(blobName), Encoding.UTF8.GetBytes(fileName), cancellationToken).ConfigureAwait(false);
            var hex = Convert.ToHexStringLower(sha);
            var now = Db.Time(Db.Micros(_time.GetUtcNow()));
            await using var scope = await _db.BeginWriteAsync(WriteLock.Custody, cancellationToken).ConfigureAwait(false);
            var (keyId, master) = await MasterKeyVersion.ForWritingAsync(scope, _keys, cancellationToken).ConfigureAwait(false);
            long id;
            using (var insert = scope.Command($"INSERT INTO evidence ({Columns[4..]}) VALUES (@i, @n, @b, @l, @h, @k, @w, @a, @t) RETURNING id")
                .With("@i", incidentId)
                .With("@n", name)
                .With("@b", blobName)
                .With("@l", length)
                .With("@h", hex)
                .With("@k", keyId)
                .With("@w", Envelope.Wrap(master, dataKey))
                .With("@a", Db.Text(actor))
                .With("@t", Db.Micros(now)))
            {
                id = await Db.ScalarInt64Async(insert, cancellationToken).ConfigureAwait(false) ?? 0;
            }

            await CustodyLog.AppendAsync(scope, now, incidentId, id, "intake", actor, $"sha256={hex} length={length.ToString(CultureInfo.InvariantCulture)}", cancellationToken).ConfigureAwait(false);
            await scope.CommitAsync().ConfigureAwait(false);
            return new EvidenceItem(id, incidentId, fileName, length, hex, actor, now);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public async Task<IReadOnlyList<EvidenceItem>> ListAsync(long incidentId, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        foreach (var row in await RowsAsync(incidentId, null, cancellationToken).ConfigureAwait(false))
        {
            items.Add(await ItemAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }

    public async Task<EvidenceItem?> ExportAsync(long incidentId, long evidenceId, Stream destination, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var row = (await RowsAsync(incidentId, evidenceId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var item = await ItemAsync(row, cancellationToken).ConfigureAwait(false);
        await DecryptAsync(row, destination, cancellationToken).ConfigureAwait(false);
        await AppendAsync(incidentId, evidenceId, "export", actor, $"sha256={row.Sha256}", cancellationToken).ConfigureAwait(false);
        return item;
    }

    public async Task<EvidenceReading?> OpenReadAsync(long incidentId, long evidenceId, string purpose, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var row = (await RowsAsync(incidentId, evidenceId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var item = await ItemAsync(row, cancellationToken).ConfigureAwait(false);
        var path = Path.Combine(_folder, row.BlobName);
        if (!File.Exists(path))
        {
            throw new ProtectionException($"Evidence {row.Id.ToString(CultureInfo.InvariantCulture)}: its encrypted file {row.BlobName} is missing.");
        }

        var dataKey = Envelope.Unwrap(_keys.Find(row.KeyId), row.WrappedKey);
        var content = new EnvelopeReadStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), dataKey, FileContext(row.BlobName));
        try
        {
            if (content.Length != row.Length)
            {
                throw new ProtectionException($"Evidence {row.Id.ToString(CultureInfo.InvariantCulture)}: its length does not match the intake length.");
            }

            await AppendAsync(incidentId, evidenceId, "read", actor, $"for={purpose} sha256={row.Sha256}", cancellationToken).ConfigureAwait(false);
            return new EvidenceReading(item, content);
        }
        catch
        {
            await content.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public PrivateTempFolder CreatePrivateTemp() => PrivateTempFolder.Create(_dataDirectory);

    public async Task<bool> RecordTransferAsync(long incidentId, long evidenceId, string recipient, string actor, CancellationToken cancellationToken)
    {
        if ((await RowsAsync(incidentId, evidenceId, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return false;
        }

        await AppendAsync(incidentId, evidenceId, "transfer", actor, $"to={recipient}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<CustodyEntry>> ListCustodyAsync(long? incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        return await CustodyLog.ListAsync(connection, incidentId, cancellationToken).ConfigureAwait(false);
    }

    private static string FileContext(string blobName) => "evidence:" + blobName;

    private static string NameContext(string blobName) => "evidence-name:" + blobName;

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_folder);
        }
        else
        {
            Directory.CreateDirectory(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task AppendAsync(long incidentId, long? evidenceId, string action, string actor, string detail, CancellationToken cancellationToken)
    {
        await using var scope = await _db.BeginWriteAsync(WriteLock.Custody, cancellationToken).ConfigureAwait(false);
        await CustodyLog.AppendAsync(scope, _time.GetUtcNow(), incidentId, evidenceId, action, actor, detail, cancellationToken).ConfigureAwait(false);
        await scope.CommitAsync().ConfigureAwait(false);
    }

    private async Task<(byte[] Sha256, long Length)> DecryptAsync(EvidenceRow row, Stream destination, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder, row.BlobName);
        if (!File.Exists(path))
        {
            throw new ProtectionException($"Evidence {row.Id.ToString(CultureInfo.InvariantCulture)}: its encrypted file {row.BlobName} is missing.");
        }

        var dataKey = Envelope.Unwrap(_keys.Find(row.KeyId), row.WrappedKey);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        var (sha, length) = await Envelope.DecryptAsync(dataKey, FileContext(row.BlobName), input, destination, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(Convert.ToHexStringLower(sha), row.Sha256, StringComparison.Ordinal) || length != row.Length)
        {
            throw new ProtectionException($"Evidence {row.Id.ToString(CultureInfo.InvariantCulture)}: its content does not match the intake hash.");
        }

        return (sha, length);
    }

    private async Task<EvidenceItem> ItemAsync(EvidenceRow row, CancellationToken cancellationToken)
    {
        var dataKey = Envelope.Unwrap(_keys.Find(row.KeyId), row.WrappedKey);
        var name = await Envelope.OpenAsync(dataKey, NameContext(row.BlobName), row.NameSealed, cancellationToken).ConfigureAwait(false);
        return new EvidenceItem(row.Id, row.IncidentId, Encoding.UTF8.GetString(name), row.Length, row.Sha256, row.AddedBy, row.AddedAt);
    }

    private async Task<List<EvidenceRow>> RowsAsync(long? incidentId, long? evidenceId, CancellationToken cancellationToken)
    {
        await using var connection = await _db.OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM evidence WHERE (@i IS NULL OR incident_id = @i) AND (@e IS NULL OR id = @e) ORDER BY id";
        command.WithInt64("@i", incidentId).WithInt64("@e", evidenceId);
        var rows = new List<EvidenceRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static EvidenceRow Read(DbDataReader r) => new(
        r.GetInt64(0),
        r.GetInt64(1),
        r.GetFieldValue<byte[]>(2),
        r.GetString(3),
        r.GetInt64(4),
        r.GetString(5),
        r.GetString(6),
        r.GetFieldValue<byte[]>(7),
        r.GetString(8),
        Db.Time(r.GetInt64(9)));
}

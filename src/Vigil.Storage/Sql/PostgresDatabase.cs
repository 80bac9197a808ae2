using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>
/// PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>. Writers that must not interleave take a transaction
/// advisory lock keyed by the current schema, so several Vigil processes may share one database.
/// </summary>
internal sealed class PostgresDatabase : Database
{
    private readonly NpgsqlDataSource _source;

    private PostgresDatabase(NpgsqlDataSource source, string name)
    {
        _source = source;
        Name = name;
    }

    public override string Provider => "postgresql";

    public override string Name { get; }

    public override IReadOnlyList<Migration> Migrations => PostgresSchema.Migrations;

    public static async Task<PostgresDatabase> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        NpgsqlDataSource source;
        try
        {
            builder = PostgresConnectionString.Parse(connectionString);
            source = NpgsqlDataSource.Create(builder);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            // The message of a malformed string may quote it, password included: name only the setting at fault.
            var setting = (e as ArgumentException)?.ParamName is { } key ? $" ({key})" : "";
            throw new StoreException($"Cannot open the PostgreSQL database: the connection string is malformed or incomplete{setting}.", e);
        }

        var name = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        try
        {
            await using var probe = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException or InvalidOperationException)
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"Cannot open the PostgreSQL database {name}: {e.Message}", e);
        }

        return new PostgresDatabase(source, name);
    }

    public override async Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken)
        => await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
        => await ((NpgsqlConnection)connection).BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public override async Task<WriteScope> BeginWriteAsync(WriteLock writeLock, CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // A PostgreSQL commit returns durable (synchronous_commit): nothing more to wait for.
            var scope = new WriteScope(connection, transaction, async _ =>
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return Task.CompletedTask;
            });
            if (writeLock != WriteLock.None)
            {
                using var command = scope.Command("SELECT pg_advisory_xact_lock(hashtext(current_schema()), @k)").With("@k", (int)writeLock);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return scope;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Takes ids from the identity sequence (under the events lock, so in commit order), then sends the rows with
    /// binary COPY, the fastest way into PostgreSQL.
    /// </summary>
    public override async Task<EventIds> InsertEventsAsync(WriteScope scope, IReadOnlyList<EventRecord> events, EventBlockGrouping blocks, CancellationToken cancellationToken)
    {
        // Sorted by the server, read straight into the chunked ids: a 16,384-event batch's ids as one array would be a
        // large object (see EventIds).
        var ids = new EventIds(events.Count);
        using (var command = scope.Command("SELECT id FROM (SELECT nextval(pg_get_serial_sequence('events', 'id')) AS id FROM generate_series(1, @n)) AS taken ORDER BY id").With("@n", events.Count))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var i = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids[i++] = reader.GetInt64(0);
            }
        }

        var connection = (NpgsqlConnection)scope.Connection;
        var json = new FieldsJson();
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY events (id, ts, received_at, source_type, origin, record, fields, raw) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < events.Count; i++)
        {
            var record = events[i];
            var logEvent = record.Event;
            var ts = Db.Micros(record.EventTime);
            blocks.Add(logEvent.SourceType, ts, ids[i]);
            var fields = json.Write(logEvent, record.Raw.Span);
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(ts, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(Db.Micros(record.ReceivedAt), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(Db.Text(logEvent.SourceType), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(Db.Text(logEvent.Source), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(logEvent.Record, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(fields, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(record.Raw, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return ids;
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();
}

using System.Data.Common;
using Vigil.Storage.Events;

namespace Vigil.Storage.Sql;

/// <summary>What differs between SQLite and PostgreSQL: connections, write serialisation, bulk inserts and the schema.</summary>
internal abstract class Database : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The database for messages: a path, or host, port and database (never a password).</summary>
    public abstract string Name { get; }

    /// <summary>The provider's migrations, in version order.</summary>
    public abstract IReadOnlyList<Migration> Migrations { get; }

    /// <summary>An open connection for reads (dispose it to give it back).</summary>
    public abstract Task<DbConnection> OpenReadAsync(CancellationToken cancellationToken);

    /// <summary>A read-only transaction on <paramref name="connection"/>: its statements see one snapshot (SQLite: deferred, takes no write lock).</summary>
    public abstract Task<DbTransaction> BeginSnapshotAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Runs a read query on a connection of its own and reads every row with <paramref name="read"/>.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Action<DbCommand> bind, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await using var connection = await OpenReadAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(read(reader));
        }

        return list;
    }

    /// <summary>Begins a write transaction, waiting for the writers <paramref name="writeLock"/> excludes.</summary>
    public abstract Task<WriteScope> BeginWriteAsync(WriteLock writeLock, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts events in the scope's transaction and adds each to <paramref name="blocks"/> as it is inserted; returns
    /// their ids in order.
    /// </summary>
    public abstract Task<EventIds> InsertEventsAsync(WriteScope scope, IReadOnlyList<EventRecord> events, EventBlockGrouping blocks, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}

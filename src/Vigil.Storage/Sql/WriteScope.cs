using System.Data.Common;

namespace Vigil.Storage.Sql;

/// <summary>One write transaction on a connection the database lends out; disposing rolls back unless committed.</summary>
/// <remarks>
/// Disposing gives the connection (and the database's write lock) back, then waits until what the scope committed,
/// or could have seen, is durable (<see cref="WalSync"/> on SQLite; at once on PostgreSQL, whose commit returns
/// durable): a caller that returns after disposing never reports a write that a power loss could undo. A caller that
/// has more to do first (the event writer, which writes the next batch meanwhile) calls <see cref="DeferDurability"/>
/// and waits for <see cref="Durable"/> itself.
/// </remarks>
internal sealed class WriteScope : IAsyncDisposable
{
    private readonly Func<bool, ValueTask<Task>> _release;
    private bool _committed;
    private bool _deferred;

    /// <param name="connection">The connection of the transaction.</param>
    /// <param name="transaction">The transaction.</param>
    /// <param name="release">
    /// Gives the connection back, told whether the transaction committed; returns what completes once the scope's
    /// writes (or, if it did not commit, the writes it could have seen) are durable.
    /// </param>
    public WriteScope(DbConnection connection, DbTransaction transaction, Func<bool, ValueTask<Task>> release)
    {
        Connection = connection;
        Transaction = transaction;
        _release = release;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>After disposing: completes once the scope's writes are durable (see <see cref="DeferDurability"/>).</summary>
    public Task Durable { get; private set; } = Task.CompletedTask;

    /// <summary>A command in this transaction.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    public async Task CommitAsync()
    {
        await Transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        _committed = true;
    }

    /// <summary>Disposing will not wait for durability: the caller waits for <see cref="Durable"/>.</summary>
    public void DeferDurability() => _deferred = true;

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            Durable = await _release(_committed).ConfigureAwait(false);
        }

        if (!_deferred)
        {
            await Durable.ConfigureAwait(false);
        }
    }
}

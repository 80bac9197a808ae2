using System.Data.Common;

namespace Vigil.Storage.Sql;

/// <summary>One write transaction on a connection the database lends out; disposing rolls back unless committed.</summary>
internal sealed class WriteScope : IAsyncDisposable
{
    private readonly Func<ValueTask> _release;

    public WriteScope(DbConnection connection, DbTransaction transaction, Func<ValueTask> release)
    {
        Connection = connection;
        Transaction = transaction;
        _release = release;
    }

    public DbConnection Connection { get; }

    public DbTransaction Transaction { get; }

    /// <summary>A command in this transaction.</summary>
    public DbCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        return command;
    }

    public Task CommitAsync() => Transaction.CommitAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            await _release().ConfigureAwait(false);
        }
    }
}

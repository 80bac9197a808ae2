namespace Vigil.Storage.Tests.Support;

/// <summary>Base of every store test: a fresh database per test, opened before it and removed after it.</summary>
public abstract class StoreTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private IVigilStore? _store;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    protected IVigilStore Store => _store ?? throw new InvalidOperationException("not initialised");

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync()
    {
        _database = NewDatabase();
        await _database.CreateAsync();
        _store = await _database.OpenAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Closes the store and opens it again on the same database.</summary>
    protected async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        _store = null;
        _store = await Database.OpenAsync();
    }

    protected abstract TestDatabase NewDatabase();
}
